#!/usr/bin/env bash
# The page benchmark: ../shared/bench/measure.mjs loads our built page (dist/), the same
# questionnaire in SurveyJS, and the plain-DOM limit page in one run of headless Chromium
# and prints medians and ratios. Usage: scripts/bench-page.sh [RUNS]   (default 7)
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
for port in 8091 8092 8093; do
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done
out=$(cd "$work" && node measure.mjs "$runs" \
  messenger-check http://127.0.0.1:8091/ 'fieldset' 'input[name="messenger"][value="whatsapp"]' '#mc-score' \
  surveyjs http://127.0.0.1:8092/peer-surveyjs/ '.sd-question' 'input[value="whatsapp"]' '#score' \
  limit http://127.0.0.1:8093/ 'fieldset' 'input[name="messenger"][value="whatsapp"]' '#score')
echo "$out"
mkdir -p www/test-results
echo "$out" > www/test-results/bench-page.jsonl
