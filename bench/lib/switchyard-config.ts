/**
 * Generated Switchyard configurations for the bench (the standalone file format: Gateway API
 * objects plus Service/EndpointSlice backends), and nginx blocks routing the same way.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RouteShape {
  /** Number of generated route matches (1 = a single catch-all route). */
  readonly routes: number;
  readonly headerFilters?: boolean;
  /** Weighted split between backends a and b (percent to a), or none. */
  readonly splitA?: number;
}

const NS = 'bench';

/** `tls`: the listener is HTTPS (Terminate) with this certificate as a Secret. */
export function baseManifests(listenPort: number, backendA: number, backendB: number, tls?: { readonly certPem: string; readonly keyPem: string }): string {
  const svc = (name: string, port: number) => `apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${NS} }
spec: { ports: [{ name: http, port: 80, targetPort: ${port} }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: ${name}-1, namespace: ${NS}, labels: { kubernetes.io/service-name: ${name} } }
addressType: IPv4
ports: [{ name: http, port: ${port} }]
endpoints: [{ addresses: ["127.0.0.1"], conditions: { ready: true } }]
`;
  return `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: bench }
spec: { controllerName: switchyard.dev/gateway-controller }
---
apiVersion: v1
kind: Namespace
metadata: { name: ${NS} }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: ${NS} }
spec:
  gatewayClassName: bench
  listeners: [${tls === undefined ? `{ name: http, port: ${listenPort}, protocol: HTTP }` : `{ name: https, port: ${listenPort}, protocol: HTTPS, tls: { mode: Terminate, certificateRefs: [{ name: bench-cert }] } }`}]
---
${tls === undefined ? '' : `apiVersion: v1
kind: Secret
metadata: { name: bench-cert, namespace: ${NS} }
type: kubernetes.io/tls
data: { tls.crt: ${Buffer.from(tls.certPem).toString('base64')}, tls.key: ${Buffer.from(tls.keyPem).toString('base64')} }
---
`}${svc('svc-a', backendA)}---
${svc('svc-b', backendB)}`;
}

/** Host and path of the route wrk hits: the last generated one (worst case for a linear scan). */
export function target(shape: RouteShape): { host: string; path: string } {
  if (shape.routes <= 1) return { host: 'bench.example', path: '/' };
  const last = shape.routes - 1;
  return { host: `h${hostOf(last, shape.routes)}.bench.example`, path: `/r${last}/x` };
}

const ROUTES_PER_HOST = 100;
const hostOf = (i: number, n: number) => Math.floor(i / ROUTES_PER_HOST) % Math.max(1, Math.ceil(n / ROUTES_PER_HOST));

function backendRefs(shape: RouteShape): string {
  if (shape.splitA === undefined) return '[{ name: svc-a, port: 80 }]';
  return `[{ name: svc-a, port: 80, weight: ${shape.splitA} }, { name: svc-b, port: 80, weight: ${100 - shape.splitA} }]`;
}

function filters(shape: RouteShape): string {
  if (!shape.headerFilters) return '';
  return `
      filters:
        - type: RequestHeaderModifier
          requestHeaderModifier: { set: [{ name: X-Bench, value: "1" }], add: [{ name: X-Added, value: a }], remove: [X-Remove] }
        - type: ResponseHeaderModifier
          responseHeaderModifier: { add: [{ name: X-Served-By, value: switchyard }] }`;
}

/** HTTPRoutes for `shape`: 10 rules per object; every 10th match a regex, every 5th an Exact one. */
export function routeManifests(shape: RouteShape, extraName = ''): string {
  if (shape.routes <= 1) {
    return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: main${extraName}, namespace: ${NS} }
spec:
  parentRefs: [{ name: gw }]
  rules:
    - matches: [{ path: { type: PathPrefix, value: / } }]
      backendRefs: ${backendRefs(shape)}${filters(shape)}
`;
  }
  const docs: string[] = [];
  for (let start = 0; start < shape.routes; start += 10) {
    const host = hostOf(start, shape.routes);
    const rules: string[] = [];
    for (let i = start; i < Math.min(start + 10, shape.routes); i++) {
      const match = i % 10 === 3 ? `{ type: RegularExpression, value: "/re${i}/[0-9]+" }` : i % 5 === 1 ? `{ type: Exact, value: /e${i} }` : `{ type: PathPrefix, value: /r${i} }`;
      rules.push(`    - matches: [{ path: ${match} }]\n      backendRefs: ${backendRefs(shape)}${filters(shape)}`);
    }
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r${start}${extraName}, namespace: ${NS} }
spec:
  parentRefs: [{ name: gw }]
  hostnames: [h${host}.bench.example]
  rules:
${rules.join('\n')}
`);
  }
  // The wrk target is a PathPrefix route; make sure the last one is one.
  const last = shape.routes - 1;
  docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: target${extraName}, namespace: ${NS} }
spec:
  parentRefs: [{ name: gw }]
  hostnames: [h${hostOf(last, shape.routes)}.bench.example]
  rules:
    - matches: [{ path: { type: PathPrefix, value: /r${last} } }]
      backendRefs: ${backendRefs(shape)}${filters(shape)}
`);
  return docs.join('---\n');
}

/** nginx server blocks with the same hosts and paths (LOCATION/LISTEN are filled in by nginx.ts). */
export function nginxRoutes(shape: RouteShape): string {
  if (shape.routes <= 1) return '';
  const hosts = new Map<number, string[]>();
  for (let i = 0; i < shape.routes; i++) {
    const list = hosts.get(hostOf(i, shape.routes)) ?? [];
    const loc = i % 10 === 3 ? `location ~ ^/re${i}/[0-9]+$` : i % 5 === 1 ? `location = /e${i}` : `location /r${i}`;
    list.push(`    ${loc} { LOCATION }`);
    hosts.set(hostOf(i, shape.routes), list);
  }
  return [...hosts].map(([h, locs]) => `  server {\n    listen 127.0.0.1:LISTEN;\n    server_name h${h}.bench.example;\n${locs.join('\n')}\n  }`).join('\n');
}

export function writeConfig(dir: string, files: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}
