#!/usr/bin/env bash
# Installs what the build and tests need, skipping what is already there. Idempotent: a
# second run installs nothing. Stops with one sentence when a prerequisite is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
die() { echo "setup: $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
say() { echo "setup: $*"; }

have cargo  || die "cargo is missing: install Rust with rustup (https://rustup.rs), then run this again."
have rustup || die "rustup is missing: install Rust with rustup (https://rustup.rs), then run this again."
have npm    || die "npm is missing: install Node.js 20 or newer with npm (Debian: apt-get install nodejs npm)."
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"

# The toolchain and target pinned in rust-toolchain.toml (rustup installs them on demand).
if ! rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown || die "rustup could not add the wasm32-unknown-unknown target."
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION" || die "cargo could not install trunk $TRUNK_VERSION."
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
[ -n "$WBG_VERSION" ] || die "Cargo.lock names no wasm-bindgen version."
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION (about 3 minutes)"
  # --locked fails for some versions (the index lacks a locked dependency); retry without.
  cargo install --locked "wasm-bindgen-cli@$WBG_VERSION" 2>/dev/null \
    || cargo install "wasm-bindgen-cli@$WBG_VERSION" \
    || die "cargo could not install wasm-bindgen-cli $WBG_VERSION."
fi

# Node tools from the committed lock file: wasm-opt 132 (Trunk.toml pins version_132),
# terser (release builds), playwright-core and axe-core. Reinstalled only when the lock file is newer.
if [ ! -f tools/node_modules/.package-lock.json ] || [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
  say "installing node tools (wasm-opt 132, terser, playwright-core, axe-core)"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error) || die "npm could not install tools/package-lock.json."
fi

# The browsers, Debian's packages, gathered so that apt-get updates and installs once, as root
# (or through sudo); WANT names what is missing, for the messages.
WANT=() PKGS=()
need() { WANT+=("$1"); shift; PKGS+=("$@"); }
have chromium && have chromedriver || need "chromium (with chromedriver 156)" chromium chromium-driver
# Firefox and WebKitGTK (Safari's engine, on a virtual display), for the end-to-end tests
# in the other engines (tests/e2e/engines.test.mjs).
have firefox-esr || need "firefox-esr" firefox-esr
have WebKitWebDriver && have Xvfb && [ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ] \
  || need "WebKitGTK (with WebKitWebDriver, MiniBrowser and Xvfb)" webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb
if [ ${#PKGS[@]} -gt 0 ]; then
  what=$(printf '%s; ' "${WANT[@]}"); what=${what%; }
  say "installing Debian's ${PKGS[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || { have sudo && SUDO=sudo; } || die "$what missing, and installing needs root: run 'apt-get install ${PKGS[*]}' as root."
  have apt-get || die "$what missing, and apt-get is not available: install ${PKGS[*]} yourself."
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${PKGS[@]}" >/dev/null \
    || die "apt-get could not install ${PKGS[*]} ($what)."
fi
if [ "$(geckodriver --version 2>/dev/null | head -1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 3 minutes)"
  cargo install --locked "geckodriver@$GECKODRIVER_VERSION" || die "cargo could not install geckodriver $GECKODRIVER_VERSION."
fi
say "all tools present (trunk $TRUNK_VERSION, wasm-bindgen $WBG_VERSION, wasm-opt 132, $(chromium --version 2>/dev/null | awk '{print $1, $2}'), $(firefox-esr --version 2>/dev/null | awk '{print $2, $3}'), geckodriver $GECKODRIVER_VERSION, WebKitGTK $(dpkg-query -W -f '${Version}' libwebkit2gtk-4.1-0 2>/dev/null | cut -d- -f1))"
