/**
 * The `default:` values the Gateway API CRDs declare, applied as the API server applies them on
 * admission. A cluster stores `parentRefs: [{name: gw}]` as `[{group: gateway.networking.k8s.io,
 * kind: Gateway, name: gw}]`, and the controller echoes that defaulted parentRef in
 * `status.parents`; the upstream conformance suite compares the two. So a standalone object must
 * come out of the loader exactly as the API server would have stored it.
 *
 * The table is hand-written (the CRDs are not shipped with Switchyard) and checked against the
 * v1.6 CRDs by crd-defaults.test.ts: every `default:` under `spec` of every kind Switchyard reads,
 * experimental channel (a superset of standard). Defaults under `status` do not matter: status is
 * dropped on load.
 *
 * Semantics follow Kubernetes structural defaulting: a default fills a field that is absent (nulls
 * are pruned first, so `field: null` counts as absent) inside an object that exists; it never
 * creates the parent. Shallower defaults go first, and deeper ones then apply inside the values
 * they created (`rules: [{}]` → `matches` → `path.type`), as the API server's top-down walk does.
 * The translator keeps its own fallbacks for every one of these, so raw objects (golden inputs,
 * other sources) translate the same.
 */
import type { KubeObject } from '../../api/index.ts';

/** `[path, value]`: the path from the object root; `[]` steps into every item of a list. */
export type CrdDefault = readonly [path: string, value: unknown];

const PARENT_REF: readonly CrdDefault[] = [
  ['spec.parentRefs[].group', 'gateway.networking.k8s.io'],
  ['spec.parentRefs[].kind', 'Gateway'],
];

/** backendRefs of TCP/TLS/UDP routes; HTTP and gRPC add filters under them. */
const BACKEND_REF: readonly CrdDefault[] = [
  ['spec.rules[].backendRefs[].group', ''],
  ['spec.rules[].backendRefs[].kind', 'Service'],
  ['spec.rules[].backendRefs[].weight', 1],
];

/** Filter defaults shared by rule filters and backendRef filters (`at` is either list). */
function mirrorDefaults(at: string): CrdDefault[] {
  return [
    [`${at}[].requestMirror.backendRef.group`, ''],
    [`${at}[].requestMirror.backendRef.kind`, 'Service'],
    [`${at}[].requestMirror.fraction.denominator`, 100],
  ];
}

function httpFilterDefaults(at: string): CrdDefault[] {
  return [
    ...mirrorDefaults(at),
    [`${at}[].requestRedirect.statusCode`, 302],
    [`${at}[].cors.maxAge`, 5],
    [`${at}[].externalAuth.backendRef.group`, ''],
    [`${at}[].externalAuth.backendRef.kind`, 'Service'],
  ];
}

const SESSION_PERSISTENCE: readonly CrdDefault[] = [
  ['spec.rules[].sessionPersistence.type', 'Cookie'],
  ['spec.rules[].sessionPersistence.cookie.lifetimeType', 'Session'],
  ['spec.rules[].sessionPersistence.cookie.path', '/'],
];

function listenerDefaults(): CrdDefault[] {
  return [
    ['spec.listeners[].allowedRoutes', { namespaces: { from: 'Same' } }],
    ['spec.listeners[].allowedRoutes.namespaces', { from: 'Same' }],
    ['spec.listeners[].allowedRoutes.namespaces.from', 'Same'],
    ['spec.listeners[].allowedRoutes.kinds[].group', 'gateway.networking.k8s.io'],
    ['spec.listeners[].tls.mode', 'Terminate'],
    ['spec.listeners[].tls.certificateRefs[].group', ''],
    ['spec.listeners[].tls.certificateRefs[].kind', 'Secret'],
  ];
}

const PATH_PREFIX_ROOT = { type: 'PathPrefix', value: '/' };

/** By kind; kinds without spec defaults (GatewayClass, ReferenceGrant, BackendTLSPolicy, core kinds) are absent. */
export const CRD_DEFAULTS: Readonly<Record<string, readonly CrdDefault[]>> = {
  Gateway: [
    ['spec.addresses[].type', 'IPAddress'],
    ['spec.allowedListeners.namespaces', { from: 'None' }],
    ['spec.allowedListeners.namespaces.from', 'None'],
    ...listenerDefaults(),
    ['spec.tls.backend.clientCertificateRef.group', ''],
    ['spec.tls.backend.clientCertificateRef.kind', 'Secret'],
    ['spec.tls.frontend.default.validation.mode', 'AllowValidOnly'],
    ['spec.tls.frontend.perPort[].tls.validation.mode', 'AllowValidOnly'],
  ],
  ListenerSet: [
    ['spec.parentRef.group', 'gateway.networking.k8s.io'],
    ['spec.parentRef.kind', 'Gateway'],
    ...listenerDefaults(),
  ],
  HTTPRoute: [
    ...PARENT_REF,
    ['spec.rules', [{ matches: [{ path: PATH_PREFIX_ROOT }] }]],
    ['spec.rules[].matches', [{ path: PATH_PREFIX_ROOT }]],
    ['spec.rules[].matches[].path', PATH_PREFIX_ROOT],
    ['spec.rules[].matches[].path.type', 'PathPrefix'],
    ['spec.rules[].matches[].path.value', '/'],
    ['spec.rules[].matches[].headers[].type', 'Exact'],
    ['spec.rules[].matches[].queryParams[].type', 'Exact'],
    ...httpFilterDefaults('spec.rules[].filters'),
    ...BACKEND_REF,
    ...httpFilterDefaults('spec.rules[].backendRefs[].filters'),
    ...SESSION_PERSISTENCE,
  ],
  GRPCRoute: [
    ...PARENT_REF,
    ['spec.rules[].matches[].method.type', 'Exact'],
    ['spec.rules[].matches[].headers[].type', 'Exact'],
    ...mirrorDefaults('spec.rules[].filters'),
    ...BACKEND_REF,
    ...mirrorDefaults('spec.rules[].backendRefs[].filters'),
    ...SESSION_PERSISTENCE,
  ],
  TLSRoute: [...PARENT_REF, ...BACKEND_REF],
  TCPRoute: [...PARENT_REF, ...BACKEND_REF],
  UDPRoute: [...PARENT_REF, ...BACKEND_REF],
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Paths split into steps once; sorted shallow first so deeper defaults see the values shallower ones created. */
const COMPILED = new Map(Object.entries(CRD_DEFAULTS).map(([kind, list]) => [kind, list
  .map(([path, value]) => ({ steps: path.replaceAll('[]', '.[]').split('.'), value }))
  .sort((a, b) => a.steps.length - b.steps.length)]));

/**
 * Fills the CRD defaults of `object`'s kind, in place. Call it on a fresh copy (the loader's
 * null-pruning copy): loaded objects are frozen afterwards.
 */
export function applyCrdDefaults(object: KubeObject): void {
  for (const { steps, value } of COMPILED.get(object.kind) ?? []) fill(object, steps, 0, value);
}

function fill(node: unknown, steps: readonly string[], at: number, value: unknown): void {
  const step = steps[at]!;
  if (step === '[]') {
    if (Array.isArray(node)) for (const item of node) fill(item, steps, at + 1, value);
    return;
  }
  if (!isRecord(node)) return;
  if (at === steps.length - 1) {
    if (node[step] === undefined) node[step] = structuredClone(value);
    return;
  }
  if (node[step] !== undefined) fill(node[step], steps, at + 1, value);
}
