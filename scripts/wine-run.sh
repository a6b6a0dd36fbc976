#!/usr/bin/env bash
# Runs a Windows program under Wine: cargo's target runner for x86_64-pc-windows-gnu in the test
# command (`cargo test --target x86_64-pc-windows-gnu` runs each test program through it), and
# the MSI check's way to run the installed CLI.
#
# Wine gets a prefix (its C: drive and registry) of its own under the build folder, so a run
# never depends on a ~/.wine left by someone else, and a folder of test-support DLLs on its
# search path: bcryptprimitives.dll (tests/wine/), which Wine releases older than 9 lack and
# every Rust program needs to start. The folder is WINE_TEST_DLLS, built by scripts/wine-dlls.sh.
set -euo pipefail
target="${CARGO_TARGET_DIR:-$(cd "$(dirname "$0")/.." && pwd)/target}"
export WINEPREFIX="${WINEPREFIX:-$target/wine/prefix}"
export WINEDEBUG="${WINEDEBUG:--all}"
# No "install Mono / Gecko?" prompts, no desktop menu entries for this prefix.
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml,winemenubuilder.exe=}"
dlls="${WINE_TEST_DLLS:-$target/wine/dlls}"
if [ ! -f "$dlls/bcryptprimitives.dll" ]; then
  echo "wine-run: $dlls/bcryptprimitives.dll is missing: run scripts/wine-dlls.sh first" >&2
  exit 2
fi
# Windows' PATH inside Wine, in Windows spelling: Wine maps / to Z:.
export WINEPATH="Z:${dlls//\//\\}"
mkdir -p "$(dirname "$WINEPREFIX")"
exec wine "$@"
