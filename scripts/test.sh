#!/usr/bin/env bash
# Command 2: set up what is missing, then run every check and test: formatting, lints on
# both targets, rustdoc, native tests, browser tests in headless Chromium, a release build
# with pre-rendering, and the end-to-end suite against that build (Chromium; a part in Firefox and WebKit).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
# wasm-bindgen's runner gives ChromeDriver 5 s to listen, then kills it: on a busy 2-core
# machine whose caches were just dropped, its first start took longer (twice, in CI).
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-60}"
step() { echo; echo "== $*"; }

step "format"
cargo fmt --all -- --check
step "lints (native and wasm32)"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown --quiet -- -D warnings
step "docs (rustdoc, warnings as errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
step "native tests"
cargo test --quiet
step "browser tests (headless Chromium)"
cargo test --target wasm32-unknown-unknown --test browser
step "release build (with pre-rendering)"
trunk build --release
ls -l dist
step "end-to-end (release build in headless Chromium; Firefox and WebKit)"
# ES modules ignore NODE_PATH: give the tests the tools' node_modules.
ln -sfn ../../tools/node_modules tests/e2e/node_modules
node --test --test-concurrency=1 tests/e2e/
echo
echo "all checks passed"
