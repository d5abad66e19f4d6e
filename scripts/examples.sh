#!/usr/bin/env bash
# Writes the example templates in docs/examples/templates/ with the assess CLI: for each setup
# folder (answers.json, blanks.json), the four templates in German and English as Markdown.
# engine/tests/templates_examples.rs fails when they are not current; run this to renew them.
#   scripts/examples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release -p messenger-check-engine --bin assess
assess=${CARGO_TARGET_DIR:-target}/release/assess
for dir in docs/examples/templates/*/; do
  [ -f "$dir/answers.json" ] || continue
  blanks=()
  if [ -f "$dir/blanks.json" ]; then
    while IFS= read -r kv; do blanks+=(--blank "$kv"); done < <(node -e '
      const b = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      for (const [k, v] of Object.entries(b)) console.log(`${k}=${v}`);' "$dir/blanks.json")
  fi
  for lang in de en; do
    mkdir -p "$dir/$lang"
    for id in policy consent record checklist; do
      if "$assess" --document "$id" --lang "$lang" "${blanks[@]}" < "$dir/answers.json" > "$dir/$lang/$id.md.tmp" 2> /dev/null; then
        mv "$dir/$lang/$id.md.tmp" "$dir/$lang/$id.md"
      else
        rm -f "$dir/$lang/$id.md.tmp" "$dir/$lang/$id.md"
      fi
    done
  done
  printf '[examples] %s\n' "$dir" >&2
done
