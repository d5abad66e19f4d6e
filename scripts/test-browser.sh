#!/usr/bin/env bash
# The widget in headless Chromium (make test runs this after the native tests):
#   1. wasm-bindgen-test: the components and the JS API (tests/web.rs)
#   2. Playwright + axe-core: the built page (dist/) served with the strict CSP header,
#      compared with the CLI (www/e2e/*.test.mjs); screenshots go to www/test-results/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh browser
export PATH="$PWD/.tools/bin:$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { printf '[test-browser] %s\n' "$*" >&2; }

say "wasm-bindgen-test in headless Chromium"
wasm-pack test --mode no-install --headless --chrome --chromedriver "$(command -v chromedriver)" . --test web

say "building the CLI (the oracle) and the page"
cargo build --release -p messenger-check-engine --bins
scripts/build.sh

say "end-to-end tests (Playwright, axe-core)"
(cd www && node --test --test-concurrency=1 e2e/)
