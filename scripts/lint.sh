#!/usr/bin/env bash
# The habits make test keeps (issue 18): the MSRV is the release the project is built and tested
# with; clippy with -D warnings on every target natively and on the widget for wasm32; the docs
# build with -D warnings; Biome lints and checks the formatting of the JavaScript (biome.json).
# Biome leaves out the WordPress plugin's scripts: they are classic scripts (a "use strict" in
# them matters) in WordPress's own coding style, and the plugin's tests read them as written.
#   scripts/lint.sh          everything
#   scripts/lint.sh --fix    format the JavaScript and apply Biome's safe fixes, then check
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/bin:$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { printf '[lint] %s\n' "$*" >&2; }

# The MSRV: Cargo.toml's rust-version is the pinned toolchain's release (rust-toolchain.toml),
# the only one the project is tested with; cargo refuses an older one.
channel=$(awk -F'"' '/^channel/ {print $2}' rust-toolchain.toml)
msrv=$(awk -F'"' '/^rust-version/ {print $2; exit}' Cargo.toml)
if [ "${channel%.0}" != "$msrv" ] && [ "$channel" != "$msrv" ]; then
  echo "lint: Cargo.toml's rust-version ($msrv) is not the tested release $channel (rust-toolchain.toml)" >&2
  exit 1
fi
for manifest in Cargo.toml engine/Cargo.toml; do
  grep -q '^rust-version.workspace = true' "$manifest" ||
    { echo "lint: $manifest does not inherit rust-version (rust-version.workspace = true)" >&2; exit 1; }
done

say "clippy (-D warnings): the workspace, every target and feature; the widget for wasm32"
cargo clippy -q --workspace --all-targets --all-features -- -D warnings
scripts/setup.sh wasm >/dev/null
cargo clippy -q --target wasm32-unknown-unknown --lib --tests -- -D warnings
say "cargo doc (-D warnings)"
RUSTDOCFLAGS="-D warnings" cargo doc -q --workspace --no-deps --all-features

scripts/setup.sh lint
if [ "${1:-}" = --fix ]; then
  biome check --write .
fi
say "biome: lint and formatting of the JavaScript (biome.json)"
biome check --error-on-warnings .
