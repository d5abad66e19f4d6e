#!/usr/bin/env bash
# Builds the deployable demo page into dist/: the widget as a release WebAssembly build
# (size profile from Cargo.toml), shrunk with a current wasm-opt -Oz, plus the page's assets.
#   dist/index.html (with the prerendered first screen)  dist/lang.js  dist/style.css (www/css/ in one file)  dist/boot.js  dist/favicon.svg
#   dist/pkg/messenger_check.js  dist/pkg/messenger_check_bg.wasm
#   dist/embed.html  dist/embed.js  dist/embed-builder.{html,js,css}  dist/messenger-check-frame.js
# (`make package` adds dist/messenger-check/: the npm package's files, which the builder zips.)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh wasm
export PATH="$PWD/.tools/bin:$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { printf '[build] %s\n' "$*" >&2; }

# One build at a time (make package and the test scripts may run this concurrently); the
# page is assembled in a staging folder and then replaces dist/ in one move.
mkdir -p target
exec 9> target/.build.lock
flock 9

out=pkg/web
say "wasm-pack build --release --target web"
rm -rf "$out"
# --mode no-install: a missing tool is an error, never a download.
wasm-pack build --mode no-install --target web --release --no-typescript --no-pack \
  --out-dir "$out" --out-name messenger_check . >&2

wasm="$out/messenger_check_bg.wasm"
before=$(wc -c < "$wasm")
say "wasm-opt -Oz ($(wasm-opt --version))"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"

stage=target/dist.staging
rm -rf "$stage"
mkdir -p "$stage/pkg"
# The first screen as static HTML in every language, with the widget's own components (Yew's
# server-side renderer, natively), and lang.js that picks the visitor's language.
say "prerendering the first screen"
cargo build -q --release --bin prerender
target/release/prerender index.html "$stage"
cp www/boot.js www/favicon.svg "$stage/"
# The pages' stylesheet (index.html and embed.html): www/css/ as one file, one request, in
# cascade order, without comments (scripts/css.mjs).
node scripts/css.mjs page > "$stage/style.css"
cp "$out/messenger_check.js" "$wasm" "$stage/pkg/"
# Embedding: the iframe page and the offline service worker, whose cache name is a hash of
# the page's files (each build gets a fresh cache). See www/sw.js, www/embed.js.
cp www/embed.html www/embed.js "$stage/"
# The embed builder (a page of its own: settings, live preview, ready snippet and zip; it works
# on the package's files in messenger-check/, which scripts/package.sh puts there), and the
# iframe way's helper for host pages.
cp www/embed-builder.html www/embed-builder.js www/embed-builder.css "$stage/"
cp www/messenger-check-frame.js "$stage/"
sw_version=$(cat "$stage"/index.html "$stage"/*.css "$stage"/*.js "$stage"/favicon.svg "$stage"/pkg/* | sha256sum | cut -c1-16)
sed "s/__MC_VERSION__/$sw_version/" www/sw.js > "$stage/sw.js"
rm -rf dist
mv "$stage" dist

gz() { gzip -9 -c "$1" | wc -c; }
say "wasm: $before -> $(wc -c < dist/pkg/messenger_check_bg.wasm) bytes raw, $(gz dist/pkg/messenger_check_bg.wasm) gzip"
say "js glue: $(wc -c < dist/pkg/messenger_check.js) raw, $(gz dist/pkg/messenger_check.js) gzip"
total=0
for f in dist/index.html dist/lang.js dist/style.css dist/boot.js dist/favicon.svg dist/pkg/messenger_check.js dist/pkg/messenger_check_bg.wasm; do
  total=$((total + $(gz "$f")))
done
say "whole page, gzip: $total bytes"
say "done: dist/"
