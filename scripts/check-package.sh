#!/usr/bin/env bash
# Checks the Debian package that scripts/package.sh built: what it holds (both programs, the
# desktop entry naming the plan file type, the file type's definition, the icons), and, unpacked
# into a throwaway folder, that the packaged app prints its version and the packaged command
# line reads the sample plan. Usage: scripts/check-package.sh PACKAGE.deb
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:?usage: scripts/check-package.sh PACKAGE.deb}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' src-tauri/Cargo.toml | head -1)
failures=0
fail() { echo "package check FAILED: $*" >&2; failures=$((failures + 1)); }

listing=$(dpkg-deb -c "$deb")
has() { grep -qE " (\./)?$1\$" <<<"$listing" || fail "no $1 in the package"; }
has 'usr/bin/mutual-plan-app'
has 'usr/bin/mutual-plan'
has 'usr/share/applications/Mutual Plan\.desktop'
has 'usr/share/mime/packages/mutual-plan\.xml'
for size in 32x32 128x128 256x256 512x512; do
  has "usr/share/icons/hicolor/$size/apps/mutual-plan-app\.png"
done
for size in 32x32 48x48 128x128 256x256; do
  has "usr/share/icons/hicolor/$size/mimetypes/application-x-mutualplan\.png"
done
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the package's version is not $version"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"

desktop="$root/usr/share/applications/Mutual Plan.desktop"
if [ -f "$desktop" ]; then
  grep -qx 'MimeType=application/x-mutualplan;' "$desktop" || fail "the desktop entry does not name application/x-mutualplan"
  grep -qx 'Exec=mutual-plan-app %f' "$desktop" || fail "the desktop entry does not pass the file it opens"
  grep -qx 'Icon=mutual-plan-app' "$desktop" || fail "the desktop entry has no icon"
fi
mime="$root/usr/share/mime/packages/mutual-plan.xml"
if [ -f "$mime" ]; then
  grep -q '<mime-type type="application/x-mutualplan">' "$mime" || fail "the MIME definition does not define application/x-mutualplan"
  grep -q '<glob pattern="\*\.mutualplan"/>' "$mime" || fail "the MIME definition does not claim *.mutualplan"
fi

# The programs as installed: the app answers --version without opening a window (no DISPLAY).
app_says=$(env -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/mutual-plan-app" --version 2>&1) || fail "the app's --version failed: $app_says"
[ "$app_says" = "mutual-plan-app $version" ] || fail "the app's --version said: $app_says"
cli_says=$("$root/usr/bin/mutual-plan" show assets/samples/riverside.mutualplan 2>&1) || fail "the CLI could not show the sample: $cli_says"
grep -qE '^Fingerprint: +[0-9a-f]{12}$' <<<"$cli_says" || fail "the CLI printed no fingerprint: $cli_says"

if ((failures)); then exit 1; fi
echo "package check passed: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB, installed $(dpkg-deb -f "$deb" Installed-Size) KiB"
