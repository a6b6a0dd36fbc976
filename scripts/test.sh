#!/usr/bin/env bash
# Installs what is needed and runs every check and test: formatting, lints, the UI's type check,
# lint and unit tests, the installable package and its contents, the Windows installer (MSI) and
# its contents, installed under Wine, the core's and the CLI's tests as Windows programs under
# Wine, the core's unit and integration tests, the CLI tests, and the end-to-end tests of the
# real app (the packaged release binary) under Xvfb through tauri-driver and WebKitWebDriver.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
start=$(date +%s)
source scripts/setup.sh
install_system_packages
install_rust
install_windows_target
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

step "the core's import graph: no circle, each layer importing only from those below it"
cargo test --locked -p mutual-plan --test it layers:: -- --nocapture

# Built once: the package's release app is also the binary the end-to-end tests drive.
target="${CARGO_TARGET_DIR:-$PWD/target}"
UI_BUILT=1 scripts/package.sh
step "checking the package"
scripts/check-package.sh "$target"/release/bundle/deb/mutual-plan_*_amd64.deb
export MUTUAL_PLAN_APP="$target/release/mutual-plan-app"

step "the Windows installer: the release app and CLI cross-compiled ($WINDOWS_TARGET, MinGW-w64), the MSI"
windows_start=$(date +%s)
msi=$(UI_BUILT=1 scripts/package-windows.sh | tail -1)
step "checking the MSI: its tables, its programs under Wine, a silent install, upgrade and uninstall"
# The programs run under Wine through the runner, which needs the test-support DLLs first.
scripts/wine-dlls.sh >/dev/null
xvfb-run -a -s "-screen 0 1280x800x24" scripts/check-msi.sh "$msi" "$target/release/mutual-plan"

step "clippy for the core's Windows build"
# The core's Windows-only code; the app's (the WebView2 message box) is little and is compiled
# for the MSI above: checking it here too would cost two minutes of Tauri for Windows.
cargo clippy --locked --target "$WINDOWS_TARGET" -p mutual-plan --all-targets -- -D warnings

step "the core's and the CLI's tests as Windows programs, under Wine"
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$PWD/scripts/wine-run.sh" \
  timeout 1200 cargo test --locked --target "$WINDOWS_TARGET" -p mutual-plan
echo "the Windows installer and tests took $(( $(date +%s) - windows_start )) s"

step "cargo test (unit, integration, CLI and end-to-end under Xvfb)"
# One thread: the end-to-end tests share tauri-driver's fixed ports.
timeout 2400 xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test --locked --workspace -- --include-ignored --test-threads=1

step "done in $(( $(date +%s) - start )) s"
