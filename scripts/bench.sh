#!/usr/bin/env bash
# Benchmark (not a test): builds the release, serves it on 127.0.0.1, measures it in Debian's
# Chromium and writes bench/out/report.json and bench/out/report.md against bench/budgets.json.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
trunk build --release
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi
ln -sfn ../../tools/node_modules/playwright-core bench/node_modules/playwright-core
ln -sfn ../../tools/node_modules tests/e2e/node_modules
node bench/run.mjs
