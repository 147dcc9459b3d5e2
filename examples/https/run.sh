#!/usr/bin/env bash
# Serves examples/https locally: generates the self-signed Secret, starts the echo backend and
# `switchyard serve`, then prints curl commands. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/node24.sh
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --silent
node examples/https/generate-secret.ts

ADMIN=127.0.0.1:${SWITCHYARD_ADMIN_PORT:-9901}
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
node bin/switchyard.js echo --listen 127.0.0.1:5678 --text "Hello over HTTPS" & pids+=($!)
node bin/switchyard.js serve -f examples/https --admin "$ADMIN" --log-level "${SWITCHYARD_LOG_LEVEL:-warn}" & pids+=($!)
for _ in $(seq 1 100); do curl -fs "http://$ADMIN/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
cat <<EOT
Serving examples/https (see examples/https/README.md for the curl commands). Ctrl-C stops.
EOT
wait "${pids[1]}"
