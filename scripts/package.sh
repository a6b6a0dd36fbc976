#!/usr/bin/env bash
# Builds the installable Debian package of Mutual Plan: the release app (its window) and the
# command line `mutual-plan`, the icons, the desktop entry and the `.mutualplan` file type.
# Prints the package's path on its last line. The app binary the package holds stays at
# $CARGO_TARGET_DIR/release/mutual-plan-app, where the end-to-end tests can drive it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export CARGO_TERM_COLOR=never
target="${CARGO_TARGET_DIR:-$PWD/target}"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' src-tauri/Cargo.toml | head -1)

# The UI is embedded in the app binary; scripts/test.sh has built it already.
[ "${UI_BUILT:-}" = 1 ] || build_ui

step "release build of the command line"
# Resolved together with the app (-p both), so the core and its dependencies get the same
# features as in the app's build below and are compiled once for both.
cargo build --locked --release -p mutual-plan -p mutual-plan-app --bin mutual-plan

step "release build of the app (Tauri's build: the UI embedded)"
ui/node_modules/.bin/tauri build --ci --no-bundle -- --locked
# Tauri's build leaves the app's symbols in (its bundler looks for one to record the package
# type, which only its updater reads; we have none): strip them here, a quarter of the binary.
strip "$target/release/mutual-plan-app"

step "the .deb (Tauri's bundler)"
# The CLI goes into the same package; its path depends on the build folder, so it is given here
# rather than in tauri.conf.json (whose other files the bundler merges with this one).
cli_entry=$(printf '{"bundle":{"linux":{"deb":{"files":{"/usr/bin/mutual-plan":"%s"}}}}}' "$target/release/mutual-plan")
rm -rf "$target/release/bundle/deb"
# The bundler warns that it cannot record the package type in the stripped binary: expected.
ui/node_modules/.bin/tauri bundle --ci --bundles deb --config "$cli_entry"

deb="$target/release/bundle/deb/mutual-plan_${version}_amd64.deb"
mv "$target/release/bundle/deb/Mutual Plan_${version}_amd64.deb" "$deb"
echo "$deb"
