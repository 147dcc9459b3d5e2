/**
 * YAML building blocks for end-to-end tests that drive `switchyard serve` with files: the
 * GatewayClass every test uses, and a Service with its EndpointSlice pointing at local backends.
 */

/** GatewayClass `switchyard`, owned by Switchyard's controller name. */
export const GATEWAY_CLASS_YAML = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: switchyard }
spec: { controllerName: switchyard.dev/gateway-controller }
---
`;

/** A Service (port 80, named `http`) and its EndpointSlice: ready endpoints on 127.0.0.1 at `targetPort`. */
export function serviceYaml(name: string, targetPort: number, namespace = 'default'): string {
  return `
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${namespace} }
spec: { ports: [{ port: 80, name: http }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: ${name}-1, namespace: ${namespace}, labels: { kubernetes.io/service-name: ${name} } }
addressType: IPv4
ports: [{ name: http, port: ${targetPort} }]
endpoints: [{ addresses: ["127.0.0.1"], conditions: { ready: true } }]
---
`;
}

/** Gateway `gw` with one HTTP listener on `port`; `extraSpec` adds lines under `spec:`. */
export function httpGatewayYaml(port: number, extraSpec = '', namespace = 'default'): string {
  return `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: ${namespace} }
spec:
  gatewayClassName: switchyard${extraSpec ? `\n  ${extraSpec}` : ''}
  listeners: [{ name: http, port: ${port}, protocol: HTTP }]
---
`;
}
