#!/usr/bin/env bash
# Regenerates every generated file that is checked in, with the assess CLI: the JSON Schemas
# (schema/), the npm package's data types (www/npm/contract.d.ts), the list of text keys
# (docs/text-keys.md) and the example templates
# (docs/examples/templates/, scripts/examples.sh). The engine's tests fail when one is stale.
#   scripts/generate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release -p messenger-check-engine --bin assess
assess=${CARGO_TARGET_DIR:-target}/release/assess
for which in answers assessment document; do
  "$assess" --schema "$which" > "schema/$which.schema.json"
done
"$assess" --schema typescript > www/npm/contract.d.ts
"$assess" --schema text-keys > docs/text-keys.md
scripts/examples.sh
