#!/usr/bin/env bash
# Installs what is needed, builds Mutual Plan and opens it on the bundled sample plan.
# Any arguments go to the app instead (a .mutualplan file to open).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
install_system_packages
install_rust
install_node
install_ui_packages
build_ui
step "building the app"
cargo build --locked --release -p mutual-plan-app
step "starting Mutual Plan"
exec target/release/mutual-plan-app "${@:---sample}"
