#!/usr/bin/env bash
# The embedding tests (issue 4): builds the npm tarball (`make package`), installs it into an
# empty temporary folder as an embedder would, copies www/examples/ beside it, and runs
# www/e2e-embed/*.test.mjs (node --test, headless Chromium via playwright-core) against that
# installed copy: script tag, custom element on a hostile page, iframe, esbuild bundle,
# evaluate() in Node against the CLI, TypeScript types, strict CSP, Trusted Types, offline,
# mount() and the element driven as frameworks drive them (with fast-check property tests),
# the framework recipes (React, Vue, Svelte, Angular, webpack: npm ci + build each from the
# tarball, then the browser), the server-rendered ones (Next.js, Astro, Nuxt: built, served by
# their own servers under their recipes' policies), and the embed builder.
#   scripts/test-embed.sh            build, pack, install, test
#   scripts/test-embed.sh FILE…      only these test files of www/e2e-embed/ (e.g. privacy.test.mjs)
#   MC_SKIP_PACKAGE=1 scripts/…      reuse dist/npm/*.tgz (when `make package` just ran)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
export PATH="$repo/.tools/bin:$repo/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { printf '[test-embed] %s\n' "$*" >&2; }

scripts/setup.sh browser
if [ "${MC_SKIP_PACKAGE:-}" != 1 ] || ! ls dist/npm/messenger-check-*.tgz >/dev/null 2>&1; then
  make --no-print-directory package
fi
say "building the assess CLI"
cargo build -q --release -p messenger-check-engine --bin assess

tgz=$(ls -t "$repo"/dist/npm/messenger-check-*.tgz | head -1)
site=$(mktemp -d "${TMPDIR:-/tmp}/messenger-check-embed.XXXXXX")
trap 'rm -rf "$site"' EXIT
say "installing $(basename "$tgz") into an empty folder: $site"
(cd "$site" && printf '{ "name": "embed-test-site", "private": true }\n' > package.json &&
  npm install --silent --no-audit --no-fund --offline "$tgz" >/dev/null)
[ -f "$site/node_modules/messenger-check/package.json" ] || { echo "test-embed: install failed" >&2; exit 1; }
cp -r www/examples "$site/examples"
# The framework recipes install the package from ../../messenger-check.tgz (their lockfiles say
# so): the tarball just packed.
cp "$tgz" "$site/messenger-check.tgz"
# A snapshot of the built page (the standalone page, embed.html, embed-builder.html, sw.js), so
# a build running meanwhile cannot change what is tested.
cp -r dist "$site/dist" && rm -rf "$site/dist/npm"
# What a local run of an example may have left in www/examples (ignored by git).
rm -rf "$site/examples/bundler/public/build" "$site"/examples/*/node_modules "$site"/examples/*/dist \
  "$site"/examples/*/dist-dev "$site"/examples/*/.angular "$site"/examples/*/wrong \
  "$site"/examples/*/.next "$site"/examples/*/next-env.d.ts "$site"/examples/*/.astro "$site"/examples/*/.nuxt "$site"/examples/*/.output

export MC_SITE="$site" MC_DIST="$site/dist" MC_ASSESS="$repo/target/release/assess"
tests=(www/e2e-embed/)
if [ $# -gt 0 ]; then
  tests=()
  for f in "$@"; do tests+=("www/e2e-embed/$f"); done
fi
say "running ${tests[*]}"
node --test --test-concurrency=1 --test-timeout=900000 "${tests[@]}"
