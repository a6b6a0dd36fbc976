#!/usr/bin/env bash
# Builds Mutual Plan's Windows installer on Linux: cross-compiles the release app and the command
# line for x86_64-pc-windows-gnu with MinGW-w64, then makes mutual-plan-<version>-x64.msi from
# src-tauri/windows/mutual-plan.wxs with wixl, and adds the Environment table that puts the
# command line on the machine's PATH (wixl has no element for it) with msibuild.
# Prints the MSI's path on its last line. docs/windows.md describes the MSI.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export CARGO_TERM_COLOR=never
target="${CARGO_TARGET_DIR:-$PWD/target}"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' src-tauri/Cargo.toml | head -1)
release="$target/$WINDOWS_TARGET/release"

# The UI is embedded in the app binary; scripts/test.sh has built it already.
[ "${UI_BUILT:-}" = 1 ] || build_ui

# Optimised for size on Windows, where the MSI has a 12 MiB budget and the programs are installed
# on every machine of a trust: about a fifth smaller, and the forecast still takes milliseconds.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=s

step "release build of the command line for Windows"
# Resolved together with the app, as in scripts/package.sh, so the core is compiled once for both.
cargo build --locked --release --target "$WINDOWS_TARGET" -p mutual-plan -p mutual-plan-app --bin mutual-plan

step "release build of the app for Windows (Tauri's build: the UI embedded)"
ui/node_modules/.bin/tauri build --ci --no-bundle --target "$WINDOWS_TARGET" -- --locked
# The release profile strips Rust's symbols; MinGW's linker leaves some of its own.
x86_64-w64-mingw32-strip "$release/mutual-plan-app.exe" "$release/mutual-plan.exe"

step "the MSI (wixl)"
# wixl reads sources by relative name only: gather them in one folder.
stage="$target/msi"
rm -rf "$stage"
mkdir -p "$stage"
# Tauri's build puts WebView2Loader.dll (from the webview2-com-sys crate) beside the app.
cp "$release/mutual-plan-app.exe" "$release/mutual-plan.exe" "$release/WebView2Loader.dll" "$stage/"
cp src-tauri/icons/icon.ico "$stage/app.ico"
cp src-tauri/icons/document/document.ico "$stage/document.ico"
msi="mutual-plan-${version}-x64.msi"
(cd "$stage" && wixl --arch x64 \
  -D Version="$version" -D AppExe=mutual-plan-app.exe -D CliExe=mutual-plan.exe \
  -D WebView2Loader=WebView2Loader.dll \
  -D AppIcon=app.ico -D DocumentIcon=document.ico \
  -o "$msi" "$OLDPWD/src-tauri/windows/mutual-plan.wxs")

# The command line's folder on the machine's PATH, added at install and taken out again at
# uninstall, keeping the rest of PATH: "=-*PATH" is set (=), removed on uninstall (-), in the
# system's environment (*); "[~];" appends to the value already there.
msibuild "$stage/$msi" \
  -q 'CREATE TABLE `Environment` (`Environment` CHAR(72) NOT NULL, `Name` CHAR(255) NOT NULL LOCALIZABLE, `Value` CHAR(255) LOCALIZABLE, `Component_` CHAR(72) NOT NULL PRIMARY KEY `Environment`)' \
  -q "INSERT INTO \`Environment\` (\`Environment\`, \`Name\`, \`Value\`, \`Component_\`) VALUES ('CliOnPath', '=-*PATH', '[~];[INSTALLDIR]', 'Cli')" \
  -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('RemoveEnvironmentStrings', 3300)" \
  -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('WriteEnvironmentStrings', 5200)"

mkdir -p "$release/bundle/msi"
mv "$stage/$msi" "$release/bundle/msi/$msi"
echo "$release/bundle/msi/$msi"
