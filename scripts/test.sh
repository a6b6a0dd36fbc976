#!/usr/bin/env bash
# Installs what is needed and runs every check and test: formatting, lints, the UI's type check,
# lint and unit tests, the core's unit and integration tests, the CLI tests, and the end-to-end tests of the
# real app under Xvfb through tauri-driver and WebKitWebDriver.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
start=$(date +%s)
source scripts/setup.sh
install_system_packages
install_rust
install_node
install_tauri_driver
install_ui_packages

step "cargo fmt --check"
cargo fmt --all -- --check

step "UI: type check, lint and unit tests"
(cd ui && npm run --silent check && npm run --silent lint && npm run --silent test)
build_ui

step "cargo clippy"
cargo clippy --locked --workspace --all-targets -- -D warnings

# The end-to-end tests drive this binary; cargo test does not rebuild another package's binary.
step "building the app"
cargo build --locked -p mutual-plan-app

step "cargo test (unit, integration, CLI and end-to-end under Xvfb)"
# One thread: the end-to-end tests share tauri-driver's fixed ports.
timeout 2400 xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test --locked --workspace -- --include-ignored --test-threads=1

step "done in $(( $(date +%s) - start )) s"
