#!/usr/bin/env bash
# Measures the app's cold start and memory under a private Xvfb: the time from launch until the
# window shows the sample plan (its title names the plan, which the page sets once the plan is
# drawn), and the memory of the app and its WebKit processes a few seconds later (RSS counts
# shared libraries in each process; PSS shares them out). Runs RUNS times (default 5).
# Usage: APP_BIN=path/to/mutual-plan-app scripts/startup-bench.sh [ARGS...]   (default: --sample)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${APP_BIN:-target/release/mutual-plan-app}
runs=${RUNS:-5}
[ $# -gt 0 ] || set -- --sample
display=:$((80 + RANDOM % 9))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
app=
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
config=$(mktemp -d)

memory() { # kB of RSS and PSS of a process and its descendants
  local pids=("$1") all=() rss=0 pss=0
  while ((${#pids[@]})); do
    all+=("${pids[@]}")
    mapfile -t pids < <(for p in "${pids[@]}"; do pgrep -P "$p" || true; done)
  done
  for p in "${all[@]}"; do
    rss=$((rss + $(awk '/^Rss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
    pss=$((pss + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
  done
  echo "$rss $pss ${#all[@]}"
}

for i in $(seq "$runs"); do
  start=$(date +%s%N)
  DISPLAY=$display MUTUAL_PLAN_CONFIG_DIR=$config MUTUAL_PLAN_DATA_DIR=$config "$bin" "$@" >"$config.log" 2>&1 & app=$!
  until DISPLAY=$display xdotool search --name '^Riverside.*Mutual Plan$' >/dev/null 2>&1; do
    if ! kill -0 "$app" 2>/dev/null || (( ($(date +%s%N) - start) > 30000000000 )); then
      echo "run $i: the sample was not shown within 30 s; the app said:"; cat "$config.log"; exit 1
    fi
    sleep 0.02
  done
  shown=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep "${SETTLE:-3}"
  read -r rss pss procs < <(memory "$app")
  [ "$i" = 1 ] && [ -n "${SHOT:-}" ] && DISPLAY=$display import -window root "$SHOT"
  echo "run $i: sample shown after ${shown} ms; ${procs} processes, RSS $((rss / 1024)) MiB, PSS $((pss / 1024)) MiB"
  kill "$app"; wait "$app" 2>/dev/null || true; app=
  rm -rf "${config:?}"/*
done
rm -rf "$config" "$config.log"
