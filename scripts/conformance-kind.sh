#!/usr/bin/env bash
# Runs the upstream Gateway API conformance suite against Switchyard in a kind cluster and writes a
# conformance report. For a machine with Docker, kind, kubectl, Go and network access; it cannot run
# in Switchyard's own CI sandbox (no Docker, no cluster), so it is kept simple and explicit.
#
#   scripts/conformance-kind.sh                 # cluster "switchyard-conformance", profile GATEWAY-HTTP
#   CLUSTER=dev PROFILES=GATEWAY-HTTP,GATEWAY-GRPC scripts/conformance-kind.sh
#
# LoadBalancer Services need an implementation in kind: run `cloud-provider-kind` (sigs.k8s.io/cloud-provider-kind)
# in another terminal, or the Gateways never get an address and the suite times out.
set -euo pipefail

CLUSTER=${CLUSTER:-switchyard-conformance}
GATEWAY_API_VERSION=${GATEWAY_API_VERSION:-v1.6.0}
PROFILES=${PROFILES:-GATEWAY-HTTP}
IMAGE=${IMAGE:-switchyard:conformance}
REPORT=${REPORT:-$PWD/conformance-report.yaml}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

for tool in docker kind kubectl go git; do
  command -v "$tool" >/dev/null || { echo "conformance-kind: $tool is required" >&2; exit 1; }
done

if ! kind get clusters | grep -qx "$CLUSTER"; then
  kind create cluster --name "$CLUSTER"
fi
kubectl config use-context "kind-$CLUSTER"

echo "== building and loading $IMAGE"
docker build -t "$IMAGE" "$ROOT"
kind load docker-image "$IMAGE" --name "$CLUSTER"

echo "== Gateway API CRDs $GATEWAY_API_VERSION (experimental channel: the suite also exercises TLS/TCP/UDP routes when asked)"
kubectl apply --server-side -f "https://github.com/kubernetes-sigs/gateway-api/releases/download/$GATEWAY_API_VERSION/experimental-install.yaml"

echo "== Switchyard"
kubectl apply -k "$ROOT/deploy"
kubectl -n switchyard-system set image deployment/switchyard-controller controller="$IMAGE"
kubectl -n switchyard-system set env deployment/switchyard-controller SWITCHYARD_PROXY_IMAGE="$IMAGE"
# Readiness is leader-only (docs/kubernetes.md): wait for one ready replica, not for the rollout.
kubectl -n switchyard-system wait --for=jsonpath='{.status.readyReplicas}'=1 deployment/switchyard-controller --timeout=180s
kubectl wait --for=condition=Accepted gatewayclass/switchyard --timeout=60s

echo "== conformance suite ($PROFILES)"
WORK=$(mktemp -d)
git clone --depth 1 --branch "$GATEWAY_API_VERSION" https://github.com/kubernetes-sigs/gateway-api "$WORK/gateway-api"
cd "$WORK/gateway-api"
# Supported features are read from the GatewayClass status (supportedFeatures) that Switchyard publishes.
go test ./conformance -run TestConformance -timeout 60m -args \
  --gateway-class=switchyard \
  --conformance-profiles="$PROFILES" \
  --organization=switchyard --project=switchyard --url=https://github.com/switchyard-dev/switchyard \
  --version="$(node -p "require('$ROOT/package.json').version" 2>/dev/null || echo dev)" \
  --contact=https://github.com/switchyard-dev/switchyard/issues \
  --report-output="$REPORT" \
  --cleanup-base-resources=false
echo "== report: $REPORT"
