#!/usr/bin/env bash
# Serves the built page (dist/, from scripts/build.sh) on http://127.0.0.1:8080 with the strict
# Content-Security-Policy the page is built for. PORT=... to use another port.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh wasm
if [ ! -f dist/index.html ]; then
  echo "serve: dist/ is missing; run make build (or make demo)" >&2
  exit 1
fi
port=${PORT:-8080}
echo "messenger-check demo: http://127.0.0.1:${port}/"
exec node www/serve.mjs --root dist --port "$port" --csp strict
