#!/usr/bin/env bash
# Command 1: set up what is missing, then serve the article page with the explainer on
# http://127.0.0.1:8080 (rebuilds on change). The address and port are Trunk.toml's [serve];
# options given here go to trunk serve (`./scripts/serve.sh --port 8090`).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
exec trunk serve "$@"
