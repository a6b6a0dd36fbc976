#!/usr/bin/env bash
# Times the real window under Xvfb and prints the figures (it asserts nothing):
#   - a keystroke in the Forecast view (undo and redo of an edit) to its table and chart
#     painted, median and 95th percentile over 100 keystrokes, for the sample and for a stress
#     plan of 120 months, 100 contracts and 300 staff lines;
#   - frame intervals while the stress plan's monthly table scrolls;
#   - app start to the Overview painted with the sample, and the memory (VmRSS) of the app and
#     its WebKit processes.
# Goals: keystroke median under 50 ms (sample) and 100 ms (stress); start under 1.0 s.
# Needs what the end-to-end tests need (Xvfb, tauri-driver, WebKitWebDriver). E2E_PORT as there.
set -euo pipefail
cd "$(dirname "$0")/.."
# MUTUAL_PLAN_APP names a built app (the packaged release one, say); otherwise a debug build.
if [ -z "${MUTUAL_PLAN_APP:-}" ]; then
  (cd ui && npm run --silent build)
  cargo build -p mutual-plan-app
fi
BENCH_WINDOW=1 xvfb-run -a -s "-screen 0 1366x768x24" \
  cargo test -p e2e --test bench_window -- --include-ignored --test-threads=1 --nocapture 2>&1 \
  | grep -o 'BENCH.*'
