#!/usr/bin/env bash
# Installs what the build and the tests need, idempotently: each step checks first and
# installs only when something is missing or has the wrong version. Verified recipe:
# ../shared/toolchain.md. Usage: scripts/setup.sh [native|wasm|browser|all]
#   native  : nothing beyond the Rust toolchain (the engine and the CLI)
#   wasm    : + wasm32 target, wasm-bindgen-cli (pinned to Cargo.lock), wasm-pack, wasm-opt
#   browser : wasm + Debian's chromium, chromedriver and poppler-utils + the npm test tools in www/
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
say() { printf '[setup] %s\n' "$*" >&2; }

need_wasm() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  # wasm-bindgen-cli must equal the library version in Cargo.lock exactly.
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (takes a few minutes once)"
    cargo install -q wasm-bindgen-cli --version "$want" --force
  fi
  if ! command -v wasm-pack >/dev/null; then
    say "installing wasm-pack (takes a few minutes once)"
    cargo install -q wasm-pack --locked
  fi
  # Debian's binaryen is too old for what wasm-bindgen emits; npm's is current.
  if [ ! -x .tools/node_modules/.bin/wasm-opt ]; then
    say "installing wasm-opt (npm binaryen) into .tools/"
    mkdir -p .tools
    npm install --silent --no-audit --no-fund --prefix .tools binaryen@132 >/dev/null
  fi
}

need_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # pdftotext and pdfinfo check the printed report (www/e2e/report.test.mjs).
  if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
    say "installing Debian's poppler-utils (pdftotext, pdfinfo)"
    apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null
  fi
  if [ ! -d www/node_modules/playwright-core ] || [ www/package-lock.json -nt www/node_modules/.package-lock.json ]; then
    say "installing the browser test tools (npm ci in www/)"
    (cd www && npm ci --silent --no-audit --no-fund)
  fi
}

case "$what" in
  native) ;;
  wasm) need_wasm ;;
  browser|all) need_wasm; need_browser ;;
  *) echo "usage: $0 [native|wasm|browser|all]" >&2; exit 2 ;;
esac
