#!/usr/bin/env bash
# Installs what the build and the tests need, idempotently: each step checks first and
# installs only when something is missing or has the wrong version. Verified recipe:
# ../shared/toolchain.md. Usage: scripts/setup.sh [native|wasm|browser|all]
#   native  : nothing beyond the Rust toolchain (the engine and the CLI)
#   lint    : + the npm build tools (Biome for scripts/lint.sh)
#   wasm    : + wasm32 target, wasm-bindgen-cli, wasm-pack, wasm-opt
#   browser : wasm + Debian's chromium, chromedriver and poppler-utils + the npm test tools in www/
#
# Every tool is pinned: Rust by rust-toolchain.toml (a release installed on the machines; rustup
# is never asked to download one), wasm-bindgen-cli and its dependencies by
# scripts/tools/wasm-bindgen-cli/Cargo.lock (built here with --locked), wasm-pack by its version
# and its own published lock, wasm-opt by scripts/tools/package-lock.json. They go to .tools/.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
# The pinned tools first (see above), then rustup's.
export PATH="$PWD/.tools/bin:$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { printf '[setup] %s\n' "$*" >&2; }

need_wasm() {
  local toolchain
  toolchain=$(awk -F'"' '/^channel/ {print $2}' rust-toolchain.toml)
  if ! rustup toolchain list | grep -q "^$toolchain"; then
    echo "setup: Rust $toolchain (rust-toolchain.toml) is not installed: rustup toolchain install $toolchain" >&2
    exit 1
  fi
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  mkdir -p .tools/bin
  # wasm-bindgen-cli: the version of the library in Cargo.lock, its dependencies pinned by the
  # tools manifest's own lock. Rebuilt when that manifest or lock changes (a stamp of both).
  local want manifest stamp
  want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
  manifest=scripts/tools/wasm-bindgen-cli
  if ! grep -q "wasm-bindgen-cli = \"=$want\"" "$manifest/Cargo.toml"; then
    echo "setup: $manifest/Cargo.toml must pin wasm-bindgen-cli =$want (the wasm-bindgen in Cargo.lock)" >&2
    exit 1
  fi
  stamp=$(cat "$manifest/Cargo.toml" "$manifest/Cargo.lock" | sha256sum | cut -c1-16)
  if [ "$(cat .tools/bin/wasm-bindgen.stamp 2>/dev/null)" != "$stamp" ] || [ ! -x .tools/bin/wasm-bindgen ] ||
     [ "$(.tools/bin/wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "building wasm-bindgen-cli $want from $manifest (locked; takes a few minutes once)"
    cargo build -q --release --locked --manifest-path "$manifest/Cargo.toml" --target-dir target/tools
    cp target/tools/release/wasm-bindgen target/tools/release/wasm-bindgen-test-runner .tools/bin/
    echo "$stamp" > .tools/bin/wasm-bindgen.stamp
  fi
  # wasm-pack: this version, with its own published lock.
  local pack=0.15.1
  if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$pack" ]; then
    say "installing wasm-pack $pack (takes a few minutes once)"
    cargo install -q wasm-pack --version "$pack" --locked --root .tools
  fi
  need_npm_tools
}

# The npm build tools, pinned by scripts/tools/package-lock.json: wasm-opt (npm's binaryen;
# Debian's is too old for what wasm-bindgen emits) and Biome (the JavaScript linter and
# formatter, scripts/lint.sh).
need_npm_tools() {
  mkdir -p .tools
  if [ ! -x .tools/node_modules/.bin/wasm-opt ] || [ ! -x .tools/node_modules/.bin/biome ] ||
     ! cmp -s scripts/tools/package-lock.json .tools/package-lock.json; then
    say "installing wasm-opt and biome (scripts/tools/package-lock.json) into .tools/"
    cp scripts/tools/package.json scripts/tools/package-lock.json .tools/
    (cd .tools && npm ci --silent --no-audit --no-fund >/dev/null)
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
  lint) need_npm_tools ;;
  wasm) need_wasm ;;
  browser|all) need_wasm; need_browser ;;
  *) echo "usage: $0 [native|wasm|browser|all]" >&2; exit 2 ;;
esac
