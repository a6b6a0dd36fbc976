#!/usr/bin/env bash
# Builds the test-support DLLs the Windows test programs need under Wine (see scripts/wine-run.sh)
# into $CARGO_TARGET_DIR/wine/dlls, with MinGW-w64; rebuilt only when their source changed.
# Test support only: nothing built here goes into the MSI.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-$PWD/target}"
out="$target/wine/dlls"
mkdir -p "$out"
dll="$out/bcryptprimitives.dll"
if [ ! -f "$dll" ] || [ tests/wine/bcryptprimitives.c -nt "$dll" ] || [ tests/wine/bcryptprimitives.def -nt "$dll" ]; then
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$dll" \
    tests/wine/bcryptprimitives.c tests/wine/bcryptprimitives.def -ladvapi32
fi
echo "$dll"
