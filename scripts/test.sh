#!/usr/bin/env bash
# The project's test command: Node 24, dependencies, lint, type-check, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/node24.sh
echo "node $(node --version), npm $(npm --version)"
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
npm run --silent lint
npm run --silent typecheck
npm test
