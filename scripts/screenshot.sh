#!/usr/bin/env bash
# Takes a screenshot of the app under a private Xvfb: scripts/screenshot.sh OUT.png [ARGS...]
# ARGS go to the app (a plan file, or --sample). Used for the README image.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1; shift
bin=${APP_BIN:-target/debug/mutual-plan-app}
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
DISPLAY=$display "$bin" "$@" >/dev/null 2>&1 & app=$!
sleep "${WAIT:-4}"
DISPLAY=$display import -window root "$out"
echo "screenshot: $out"
