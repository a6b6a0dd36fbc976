#!/usr/bin/env bash
# Checks the Windows installer that scripts/package-windows.sh built, on Linux:
#  1. its tables (msiinfo): the files, the Start-menu shortcut, the .mutualplan file type and
#     its ProgID with "open" passing "%1", the PATH entry, the upgrade rows, a per-machine
#     install, the version from Cargo.toml; and its size (at most 12 MiB);
#  2. its files, extracted (msiextract) and run under Wine: the command line prints the sample's
#     fingerprint as the Linux build does and prints the same PDF byte for byte; the app, where
#     there is no WebView2 Runtime (Wine has none), shows the message box that says so (under
#     Xvfb: run this script inside xvfb-run) and ends;
#  3. installed, upgraded and uninstalled silently by Wine's msiexec in a Wine prefix of its own.
# Usage: scripts/check-msi.sh MUTUAL-PLAN.msi [LINUX-CLI]  (the CLI to compare with; by default
# the release build's).
set -euo pipefail
cd "$(dirname "$0")/.."
msi=$(realpath "${1:?usage: scripts/check-msi.sh MUTUAL-PLAN.msi [LINUX-CLI]}")
target="${CARGO_TARGET_DIR:-$PWD/target}"
linux_cli="${2:-$target/release/mutual-plan}"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' src-tauri/Cargo.toml | head -1)
upgrade_code='{3A0C5E7D-2B61-4F0E-9D8A-6C1B7E4F5A92}'
sample="$PWD/assets/samples/riverside.mutualplan"
failures=0
fail() { echo "MSI check FAILED: $*" >&2; failures=$((failures + 1)); }
# A table's rows, tab-separated, without msiinfo's three header lines.
rows() { msiinfo export "$msi" "$1" | tail -n +4 | tr -d '\r'; }
has_row() { # TABLE REGEX WHAT
  grep -qP -- "$2" <<<"$(rows "$1")" || fail "$3 (no row of $1 matches $2)"
}

# 1. The tables.
tables=$(msiinfo tables "$msi")
for t in File Component Directory Shortcut Registry Environment Upgrade Property Icon; do
  grep -qx "$t" <<<"$tables" || fail "no $t table"
done
has_row File '^AppExe\tApp\tmutual-plan-app\.exe\t' "the app is not installed"
has_row File '^CliExe\tCli\tmutual-plan\.exe\t' "the command line is not installed"
has_row File '^WebView2LoaderDll\tWebView2Loader\tWebView2Loader\.dll\t' "the WebView2 loader the app needs is not installed"
has_row File '^DocumentIcon\tDocumentIconFile\tmutualplan-document\.ico\t' "the plan file's icon is not installed"
has_row Directory '^INSTALLDIR\tProgramFiles64Folder\tMutual Plan$' "not installed in Program Files\\Mutual Plan"
has_row Shortcut '^AppShortcut\tProgramMenuFolder\tMutual Plan\tStartMenuShortcut\t\[#AppExe\]\t.*\tMutualPlan\.ico\t' "no Start-menu shortcut to the app with its icon"
has_row Registry '^\w+\t0\t\.mutualplan\t\tMutualPlan\.Plan\tApp$' ".mutualplan is not given to the MutualPlan.Plan ProgID"
has_row Registry '^\w+\t0\t\.mutualplan\tContent Type\tapplication/x-mutualplan\tApp$' ".mutualplan has no content type"
has_row Registry '^\w+\t0\tMutualPlan\.Plan\t\tMutual Plan business plan\tApp$' "the ProgID has no description"
has_row Registry '^\w+\t0\tMutualPlan\.Plan\\shell\\open\\command\t\t"\[#AppExe\]" "%1"\tApp$' "the ProgID's open verb does not pass \"%1\" to the app"
has_row Registry '^\w+\t0\tMutualPlan\.Plan\\DefaultIcon\t\t\[#DocumentIcon\],0\tApp$' "the ProgID has no document icon"
has_row Environment '^CliOnPath\t=-\*PATH\t\[~\];\[INSTALLDIR\]\tCli$' "the command line's folder is not added to the system PATH"
has_row InstallExecuteSequence '^WriteEnvironmentStrings\t\t5200$' "PATH is never written"
has_row InstallExecuteSequence '^RemoveEnvironmentStrings\t\t3300$' "PATH is never cleaned on uninstall"
has_row InstallExecuteSequence '^RemoveExistingProducts\t\t1401$' "an older version is not removed"
has_row Upgrade "^\\Q$upgrade_code\\E\\t\\t\\Q$version\\E\\t\\t1\\t\\tWIX_UPGRADE_DETECTED\$" "older versions are not found for replacing"
has_row Upgrade "^\\Q$upgrade_code\\E\\t\\Q$version\\E\\t\\t\\t2\\t\\tWIX_DOWNGRADE_DETECTED\$" "newer versions are not detected"
has_row LaunchCondition '^NOT WIX_DOWNGRADE_DETECTED\t' "an older MSI would install over a newer one"
has_row Property '^ALLUSERS\t1$' "not a per-machine install"
has_row Property "^ProductVersion\\t\\Q$version\\E\$" "the version is not $version"
has_row Property "^UpgradeCode\\t\\Q$upgrade_code\\E\$" "the UpgradeCode changed"
msiinfo suminfo "$msi" | grep -q '^Template: x64;1033$' || fail "not an x64 package"

size=$(stat -c %s "$msi")
((size <= 12 * 1024 * 1024)) || fail "the MSI is $size bytes, over 12 MiB"

# 2. The files as extracted, run under Wine.
root=$(mktemp -d)
export WINEPREFIX="$target/wine/msi-check"
cleanup() {
  # Wine's server for this prefix only; it would otherwise linger a few seconds.
  WINEPREFIX="$WINEPREFIX" wineserver -k 2>/dev/null || true
  rm -rf "$root" "$WINEPREFIX"
}
trap cleanup EXIT
rm -rf "$WINEPREFIX"
(cd "$root" && msiextract "$msi" >/dev/null)
dir="$root/Mutual Plan"
installed=$(du -sb "$dir" | cut -f1)
for f in mutual-plan-app.exe mutual-plan.exe WebView2Loader.dll mutualplan-document.ico; do
  [ -f "$dir/$f" ] || fail "msiextract gave no $f"
done
if [ -f "$dir/mutual-plan.exe" ]; then
  win_says=$(scripts/wine-run.sh "$dir/mutual-plan.exe" show "$sample" 2>/dev/null | tr -d '\r') || fail "the Windows CLI could not show the sample: $win_says"
  linux_says=$("$linux_cli" show "$sample")
  fp=$(sed -n 's/^Fingerprint: *//p' <<<"$linux_says")
  [[ "$fp" =~ ^[0-9a-f]{12}$ ]] || fail "the Linux CLI printed no fingerprint: $linux_says"
  grep -qx "Fingerprint: *$fp" <<<"$win_says" || fail "the Windows CLI did not print the sample's fingerprint $fp: $win_says"
  scripts/wine-run.sh "$dir/mutual-plan.exe" pdf "$sample" -o "$root/windows.pdf" >/dev/null 2>&1 || fail "the Windows CLI could not print the sample"
  "$linux_cli" pdf "$sample" -o "$root/linux.pdf" >/dev/null
  cmp -s "$root/windows.pdf" "$root/linux.pdf" || fail "the Windows CLI's PDF of the sample differs from the Linux build's"
fi
if [ -f "$dir/mutual-plan-app.exe" ]; then
  app_says=$(env -u DISPLAY scripts/wine-run.sh "$dir/mutual-plan-app.exe" --version 2>/dev/null | tr -d '\r') || true
  [ "$app_says" = "mutual-plan-app $version" ] || fail "the Windows app's --version said: $app_says"
  if [ -z "${DISPLAY:-}" ]; then
    fail "no DISPLAY for the WebView2 message box: run this script inside xvfb-run"
  else
    # Wine has no WebView2 Runtime: the app must say so in a message box and end with 1.
    scripts/wine-run.sh "$dir/mutual-plan-app.exe" "$sample" >"$root/app.out" 2>"$root/app.err" &
    app=$!
    box=""
    for _ in $(seq 1 300); do
      box=$(xdotool search --name '^Mutual Plan cannot start$' 2>/dev/null | head -1) && [ -n "$box" ] && break
      kill -0 "$app" 2>/dev/null || break
      sleep 0.1
    done
    if [ -z "$box" ]; then
      fail "no message box titled \"Mutual Plan cannot start\": $(tr -d '\r' <"$root/app.err" | tail -5)"
      kill "$app" 2>/dev/null || true
      wait "$app" 2>/dev/null || true
    else
      kill -0 "$app" 2>/dev/null || fail "the app ended while its message box was up"
      xdotool key --window "$box" Return 2>/dev/null
      status=0
      for _ in $(seq 1 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$app" 2>/dev/null; then
        fail "the app did not end when its message box was closed"
        kill "$app" 2>/dev/null || true
      fi
      wait "$app" || status=$?
      [ "$status" = 1 ] || fail "the app ended with $status, not 1, without WebView2"
      grep -q 'Mutual Plan needs the Microsoft Edge WebView2 Runtime' "$root/app.err" || fail "the app did not say that WebView2 is missing: $(tail -3 "$root/app.err")"
    fi
  fi
fi

# 3. A silent install, an upgrade, and an uninstall, by Wine's own msiexec. A second MSI, the
# same but one version on, stands for the next release.
next="$root/next.msi"
cp "$msi" "$next"
next_version="${version%.*}.$((${version##*.} + 1))"
msibuild "$next" \
  -q "UPDATE \`Property\` SET \`Value\` = '$next_version' WHERE \`Property\` = 'ProductVersion'" \
  -q "UPDATE \`Property\` SET \`Value\` = '{6F1D2C3B-4A59-4E68-8F7A-9B0C1D2E3F40}' WHERE \`Property\` = 'ProductCode'" \
  -q "DELETE FROM \`Upgrade\`" \
  -q "INSERT INTO \`Upgrade\` (\`UpgradeCode\`, \`VersionMax\`, \`Attributes\`, \`ActionProperty\`) VALUES ('$upgrade_code', '$next_version', 1, 'WIX_UPGRADE_DETECTED')" \
  -q "INSERT INTO \`Upgrade\` (\`UpgradeCode\`, \`VersionMin\`, \`Attributes\`, \`ActionProperty\`) VALUES ('$upgrade_code', '$next_version', 2, 'WIX_DOWNGRADE_DETECTED')"
msibuild "$next" -s "Mutual Plan $next_version" "Mutual Plan" "x64;1033" '{6A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9}'
w() { scripts/wine-run.sh "$@" 2>/dev/null | tr -d '\r'; }
# Wine's Z: drive is Linux's /.
win_path() { local p; p=$(realpath "$1"); echo "Z:${p//\//\\}"; }
programs="$WINEPREFIX/drive_c/Program Files/Mutual Plan"
env_key='HKLM\System\CurrentControlSet\Control\Session Manager\Environment'
installed_products() { w reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s | grep -c 'DisplayName.*Mutual Plan' || true; }
w msiexec /i "$(win_path "$msi")" /qn || fail "msiexec /i /qn failed"
[ -f "$programs/mutual-plan-app.exe" ] && [ -f "$programs/mutual-plan.exe" ] || fail "the install put no programs in Program Files\\Mutual Plan"
w reg query 'HKCR\MutualPlan.Plan\shell\open\command' | grep -qF '"C:\Program Files\Mutual Plan\mutual-plan-app.exe" "%1"' || fail "the installed open command is not the app with \"%1\""
w reg query 'HKCR\.mutualplan' | grep -q 'MutualPlan.Plan' || fail "the installed .mutualplan is not MutualPlan.Plan"
w reg query "$env_key" /v PATH | grep -qF 'C:\Program Files\Mutual Plan\' || fail "the install did not add the command line's folder to PATH"
find "$WINEPREFIX/drive_c" -name 'Mutual Plan.lnk' | grep -q . || fail "the install made no Start-menu shortcut"
on_path=$(w cmd /c mutual-plan show "$(win_path "$sample")") || true
grep -qx "Fingerprint: *$fp" <<<"$on_path" || fail "mutual-plan on PATH did not show the sample: $on_path"
w msiexec /i "$(win_path "$next")" /qn || fail "the next version did not install over this one"
[ "$(installed_products)" = 1 ] || fail "after the upgrade $(installed_products) Mutual Plans are installed, not 1"
w msiexec /i "$(win_path "$msi")" /qn && fail "an older MSI installed over a newer one"
w msiexec /x "$(win_path "$next")" /qn || fail "msiexec /x /qn failed"
[ -e "$programs" ] && fail "the uninstall left $(ls "$programs")"
w reg query 'HKCR\.mutualplan' >/dev/null && fail "the uninstall left the .mutualplan file type"
w reg query 'HKCR\MutualPlan.Plan' >/dev/null && fail "the uninstall left the ProgID"
w reg query 'HKLM\Software\Mutual Plan' >/dev/null && fail "the uninstall left HKLM\\Software\\Mutual Plan"
w reg query "$env_key" /v PATH | grep -qF 'Mutual Plan' && fail "the uninstall left the folder on PATH"
find "$WINEPREFIX/drive_c" -name 'Mutual Plan.lnk' | grep -q . && fail "the uninstall left the shortcut"
[ "$(installed_products)" = 0 ] || fail "the uninstall left Mutual Plan in the list of installed programs"

if ((failures)); then exit 1; fi
echo "MSI check passed: $(basename "$msi"), $size bytes ($((size / 1024)) KiB), installed $installed bytes ($((installed / 1024)) KiB)"
