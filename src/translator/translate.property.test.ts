/**
 * Properties of the translator over arbitrary, well-typed-ish snapshots (GatewayClasses, Gateways
 * with mixed listeners, HTTP/TCP routes with matches, filters and backendRefs, Services and
 * EndpointSlices, SwitchyardProxy limits; names and references drawn from small pools so they
 * collide and resolve often): translation never throws, and its output (IR and statuses) does not
 * depend on the order in which objects arrive.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CONTROLLER_NAME, type KubeObject } from '../api/index.ts';
import { snapshotOf } from '../store/index.ts';
import { translate } from './translate.ts';
import type { TranslateOptions } from './types.ts';

const OPTIONS: TranslateOptions = { controllerName: CONTROLLER_NAME, now: '2026-01-01T00:00:00Z', defaultAddresses: ['127.0.0.1'] };

// Biased towards what attaches (same namespace, HTTP, our class) so that many snapshots reach the IR.
const NS = fc.constantFrom('default', 'default', 'default', 'infra');
const GW_NAMES = ['gw0', 'gw1', 'gw2'];
const SVC_NAMES = ['svc0', 'svc1', 'svc2'];
const stamp = fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z');
const meta = (name: string, namespace?: string, creationTimestamp?: string) => ({ name, ...(namespace && { namespace }), ...(creationTimestamp && { creationTimestamp }), generation: 1 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const listener = (j: number) => fc.record({
  name: fc.constant(`l${j}`),
  port: fc.constantFrom(80, 443, 8080),
  protocol: fc.constantFrom('HTTP', 'HTTP', 'HTTP', 'HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'),
  hostname: maybe(fc.constantFrom('a.example.com', '*.example.com', 'b.example.com')),
  allowedRoutes: maybe(fc.record({ namespaces: fc.record({ from: fc.constantFrom('All', 'Same') }) })),
}, { requiredKeys: ['name', 'port', 'protocol'] });

const gateway = (i: number) => fc.record({
  namespace: NS, className: fc.constantFrom('sy', 'sy', 'sy', 'other'), stamp, params: fc.boolean(),
  listeners: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, j) => listener(j)))),
}).map((g): KubeObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: meta(GW_NAMES[i]!, g.namespace, g.stamp),
  spec: {
    gatewayClassName: g.className,
    listeners: g.listeners.map((l) => (l.protocol === 'HTTPS' || l.protocol === 'TLS'
      ? { ...l, tls: { mode: 'Terminate', certificateRefs: [{ name: 'cert' }] } } : l)),
    ...(g.params && { infrastructure: { parametersRef: { group: 'gateway.switchyard.dev', kind: 'SwitchyardProxy', name: 'limits' } } }),
  },
}));

const headerFilter = fc.record({ name: fc.constantFrom('x-a', 'X-B'), value: fc.constantFrom('v', 'a\r\nb', 'w') })
  .map((h) => ({ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [h] } }));
const filter = fc.oneof(
  headerFilter,
  fc.constant({ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }),
  fc.constant({ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/x' } } }),
);
const match = fc.record({
  path: maybe(fc.record({ type: fc.constantFrom('Exact', 'PathPrefix', 'RegularExpression'), value: fc.constantFrom('/', '/a', '/a/b', '/(a') })),
  method: maybe(fc.constantFrom('GET', 'POST')),
  headers: maybe(fc.array(fc.record({ name: fc.constantFrom('x-h', 'X-H'), value: fc.constantFrom('1', '2') }), { maxLength: 2 })),
}, { requiredKeys: [] });
const backendRef = fc.record({ name: fc.constantFrom(...SVC_NAMES, 'missing'), namespace: maybe(NS), port: fc.constantFrom(80, 81), weight: maybe(fc.integer({ min: 0, max: 3 })) }, { requiredKeys: ['name', 'port'] });
const rule = fc.record({
  matches: maybe(fc.array(match, { maxLength: 2 })),
  filters: maybe(fc.array(filter, { maxLength: 2 })),
  backendRefs: maybe(fc.array(backendRef, { maxLength: 2 })),
  timeouts: maybe(fc.record({ request: fc.constantFrom('1s', '0s', '500ms') })),
}, { requiredKeys: [] });
const parentRef = fc.record({ name: fc.constantFrom(...GW_NAMES), namespace: rarely(NS), sectionName: rarely(fc.constantFrom('l0', 'l1')), port: rarely(fc.constantFrom(80, 443)) }, { requiredKeys: ['name'] });

const httpRoute = (i: number) => fc.record({
  namespace: NS, stamp, parentRefs: fc.array(parentRef, { minLength: 1, maxLength: 2 }),
  hostnames: maybe(fc.array(fc.constantFrom('a.example.com', 'c.example.com', '*.example.com'), { maxLength: 2 })),
  rules: fc.array(rule, { minLength: 1, maxLength: 3 }),
}).map((r): KubeObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: meta(`route${i}`, r.namespace, r.stamp),
  spec: { parentRefs: r.parentRefs, ...(r.hostnames && { hostnames: r.hostnames }), rules: r.rules },
}));

const tcpRoute = (i: number) => fc.record({ namespace: NS, parentRefs: fc.array(parentRef, { minLength: 1, maxLength: 2 }), backendRefs: fc.array(backendRef, { minLength: 1, maxLength: 2 }) })
  .map((r): KubeObject => ({
    apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind: 'TCPRoute', metadata: meta(`tcp${i}`, r.namespace),
    spec: { parentRefs: r.parentRefs, rules: [{ backendRefs: r.backendRefs }] },
  }));

const service = (i: number) => fc.record({ namespace: NS, appProtocol: maybe(fc.constantFrom('kubernetes.io/h2c', 'kubernetes.io/ws')), ready: fc.boolean() })
  .chain((s) => fc.constant([
    { apiVersion: 'v1', kind: 'Service', metadata: meta(SVC_NAMES[i]!, s.namespace), spec: { ports: [{ name: 'http', port: 80, ...(s.appProtocol && { appProtocol: s.appProtocol }) }] } },
    {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { ...meta(`${SVC_NAMES[i]}-1`, s.namespace), labels: { 'kubernetes.io/service-name': SVC_NAMES[i]! } },
      addressType: 'IPv4', endpoints: [{ addresses: [`10.0.0.${i + 1}`], conditions: { ready: s.ready } }], ports: [{ name: 'http', port: 8080 }],
    },
  ] as KubeObject[]));

const fixed = fc.record({ classParams: fc.boolean(), limits: fc.boolean() }).map(({ classParams, limits }): KubeObject[] => [
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: meta('sy'), spec: { controllerName: CONTROLLER_NAME, ...(classParams && { parametersRef: { group: 'gateway.switchyard.dev', kind: 'SwitchyardProxy', name: 'limits', namespace: 'infra' } }) } },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: meta('other'), spec: { controllerName: 'example.com/other' } },
  ...['infra', 'default'].map((ns) => ({ apiVersion: 'gateway.switchyard.dev/v1alpha1', kind: 'SwitchyardProxy', metadata: meta('limits', ns), spec: limits ? { limits: { routeTimeout: '5s', maxConnections: 10 } } : {} })),
]);

const indices = (n: number) => Array.from({ length: n }, (_, i) => i);
/** `min` to `max` objects, the i-th made by `make(i)` (distinct names, so no two collide as one object). */
const upTo = <T>(min: number, max: number, make: (i: number) => fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
  fc.integer({ min, max }).chain((n) => fc.tuple(...indices(n).map(make)).map((t) => [...t] as T[]));
const snapshotObjects: fc.Arbitrary<KubeObject[]> = fc.tuple(fixed, upTo(1, 3, gateway), upTo(0, 4, httpRoute), upTo(0, 2, tcpRoute), upTo(0, 3, service))
  .map(([base, gws, routes, tcps, svcs]) => [...base, ...gws, ...routes, ...tcps, ...svcs.flat()]);

const run = (objects: readonly KubeObject[]) => translate(snapshotOf(structuredClone(objects) as KubeObject[]), OPTIONS);

test('translator property: arbitrary snapshots never throw', () => {
  let routed = 0;
  fc.assert(fc.property(snapshotObjects, (objects) => {
    const { ir } = run(objects);
    if (ir.sockets.some((s) => s.listeners.some((l) => l.virtualHosts.length > 0))) routed++;
  }), { numRuns: 300 });
  // The generator is only useful if many snapshots make it all the way to routed IR.
  assert.ok(routed > 30, `only ${routed} of 300 snapshots produced routes`);
});

test('translator property: the output does not depend on the order objects arrive in', () => {
  fc.assert(fc.property(snapshotObjects.chain((objects) => fc.tuple(fc.constant(objects), fc.shuffledSubarray(objects, { minLength: objects.length }))), ([objects, shuffled]) => {
    assert.deepEqual(run(shuffled), run(objects));
  }), { numRuns: 200 });
});
