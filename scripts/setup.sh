#!/usr/bin/env bash
# Installs what Mutual Plan needs to build, run and test, skipping whatever is already there.
# Sourced by scripts/run-app.sh and scripts/test.sh; safe to run again and again.
set -euo pipefail

step() { echo "=== $(date -u +%H:%M:%S) $*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian/Ubuntu packages: WebKitGTK for the window, Xvfb and WebKitWebDriver for the end-to-end
# tests (and xdotool to answer the desktop's Save dialog in them), qpdf and poppler for checking
# PDFs, ImageMagick for screenshots, MinGW-w64 to cross-compile the Windows build, wixl to build
# its MSI installer, msitools to read that MSI back (msiinfo, msiextract), and Wine to run the
# Windows build's tests and programs.
APT_PACKAGES=(ca-certificates build-essential pkg-config curl file libwebkit2gtk-4.1-dev libssl-dev libxdo-dev
  libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver fonts-dejavu-core
  xdotool qpdf poppler-utils imagemagick mingw-w64 wixl msitools wine wine64
  libreoffice-calc-nogui)

install_system_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    step "apt-get install ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_rust() {
  if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    step "installing Rust with rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component clippy,rustfmt
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
}

node_is_recent() {
  # Vite 8 needs Node.js 20.19 or later.
  command -v node >/dev/null 2>&1 && node -e '
    const [a, b] = process.versions.node.split(".").map(Number);
    process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'
}

# Whether the distribution's Node.js candidate is recent enough (Debian 12 ships 18.x): then it
# is worth installing; otherwise go straight to NodeSource.
distribution_node_is_recent() {
  local v
  v=$(apt-cache policy nodejs 2>/dev/null | awk '/Candidate:/ {print $2}' | sed -E 's/^[0-9]+://')
  [ -n "$v" ] && [ "$v" != "(none)" ] && dpkg --compare-versions "$v" ge 20.19
}

install_node() {
  if ! node_is_recent; then
    as_root apt-get update -qq
    if distribution_node_is_recent; then
      step "installing Node.js"
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null || true
    fi
  fi
  if ! node_is_recent; then
    step "installing Node.js 22 from NodeSource (the distribution's is too old for Vite)"
    curl -fsSL https://deb.nodesource.com/setup_22.x | as_root bash - >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null
  fi
}

# The Rust standard library for Windows (linked with MinGW-w64), for the cross-compile check.
WINDOWS_TARGET=x86_64-pc-windows-gnu
install_windows_target() {
  if ! rustup target list --installed | grep -qx "$WINDOWS_TARGET"; then
    step "rustup target add $WINDOWS_TARGET"
    rustup target add "$WINDOWS_TARGET"
  fi
}

install_tauri_driver() {
  export PATH="${CARGO_INSTALL_ROOT:-$HOME/.cargo}/bin:$PATH"
  if ! cargo install --list | grep -q '^tauri-driver v2\.'; then
    step "cargo install tauri-driver (2.x)"
    cargo install tauri-driver --version '^2' --locked
  fi
}

install_ui_packages() {
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    step "npm ci (ui)"
    (cd ui && npm ci --no-audit --no-fund)
  fi
}

build_ui() {
  step "building the UI"
  (cd ui && npm run --silent build >/dev/null)
}
