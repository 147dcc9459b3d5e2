#!/usr/bin/env bash
# The quickstart: the tutorial's routes, served on this machine as a normal user.
# Starts two `switchyard echo` backends (the tutorial's service-a and service-b) and
# `switchyard serve -f examples/quickstart`, then prints how to curl the gateway.
# --smoke: send the tutorial's requests, check the answers, and stop (used by the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/node24.sh
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --silent

ADMIN=127.0.0.1:${SWITCHYARD_ADMIN_PORT:-9901}
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

node bin/switchyard.js echo --listen 127.0.0.1:5678 --text "Hello from Service A" & pids+=($!)
node bin/switchyard.js echo --listen 127.0.0.1:5679 --text "Hello from Service B" & pids+=($!)
node bin/switchyard.js serve -f examples/quickstart --admin "$ADMIN" --log-level "${SWITCHYARD_LOG_LEVEL:-warn}" & pids+=($!)

for _ in $(seq 1 100); do
  curl -fs "http://$ADMIN/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://$ADMIN/readyz" >/dev/null || { echo "switchyard did not become ready" >&2; exit 1; }

node bin/switchyard.js get gatewayclass --admin "$ADMIN"
echo
node bin/switchyard.js get gateway -n demo --admin "$ADMIN"
echo
GATEWAY_IP=$(node bin/switchyard.js get gateway my-gateway -n demo -o json --admin "$ADMIN" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).status.addresses[0].value))')
PORT=8080

if [ "${1:-}" = "--smoke" ]; then
  a=$(curl -fsS -H "Host: app.example.com" "http://$GATEWAY_IP:$PORT/service-a")
  b=$(curl -fsS -H "Host: app.example.com" "http://$GATEWAY_IP:$PORT/service-b")
  echo "$a"; echo "$b"
  [ "$a" = "Hello from Service A" ] && [ "$b" = "Hello from Service B" ] || { echo "unexpected answers" >&2; exit 1; }
  for i in $(seq 1 10); do curl -fsS -H "Host: canary.example.com" "http://$GATEWAY_IP:$PORT/"; done
  echo "quickstart smoke test passed"
  exit 0
fi

cat <<EOT

Switchyard is serving the tutorial's routes. Gateway address (from its status): $GATEWAY_IP
The tutorial's Gateway listens on port 80; as a normal user the quickstart's listens on $PORT.

  curl -H "Host: app.example.com" http://$GATEWAY_IP:$PORT/service-a      # Hello from Service A
  curl -H "Host: app.example.com" http://$GATEWAY_IP:$PORT/service-b      # Hello from Service B
  for i in \$(seq 1 10); do curl -s -H "Host: canary.example.com" http://$GATEWAY_IP:$PORT/; done   # ~8 A, ~2 B

  npx switchyard get httproute -n demo --admin $ADMIN
  npx switchyard describe httproute my-route -n demo --admin $ADMIN

Edit files under examples/quickstart/ and Switchyard applies them without a restart. Ctrl-C stops everything.
EOT
wait "${pids[2]}"
