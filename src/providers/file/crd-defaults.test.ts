/**
 * CRD defaulting: behaviour on small objects, and a drift check against the upstream CRDs read in
 * place from ../shared/gateway-api (skipped when absent, as in a user's clone): every `default:`
 * under `spec` of every served version Switchyard reads must be in CRD_DEFAULTS with the same
 * value, and applying CRD_DEFAULTS must put it there.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { KNOWN_KINDS, type KnownKind, type KubeObject } from '../../api/index.ts';
import { applyCrdDefaults, CRD_DEFAULTS } from './crd-defaults.ts';
import { applyDefaults } from './defaults.ts';

const CRD_ROOT = new URL('../../../../shared/gateway-api/config/crd/', import.meta.url).pathname;
const skip = !existsSync(CRD_ROOT) && 'the upstream CRDs (../shared/gateway-api) are not here';

interface CrdSchema { default?: unknown; properties?: Record<string, CrdSchema>; items?: CrdSchema; additionalProperties?: CrdSchema | boolean }

/** `path → JSON of the default` for one kind, over both channels and every served version we read. */
function crdDefaults(kind: KnownKind): Map<string, string> {
  const found = new Map<string, string>();
  for (const channel of ['standard', 'experimental']) {
    const file = join(CRD_ROOT, channel, `gateway.networking.k8s.io_${KNOWN_KINDS[kind].plural}.yaml`);
    if (!existsSync(file)) continue;
    const crd = parse(readFileSync(file, 'utf8')) as { spec: { versions: { name: string; served: boolean; schema: { openAPIV3Schema: CrdSchema } }[] } };
    for (const version of crd.spec.versions) {
      if (!version.served || !(KNOWN_KINDS[kind].versions as readonly string[]).includes(version.name)) continue;
      const walk = (schema: CrdSchema, path: string) => {
        if (schema.default !== undefined) {
          const previous = found.get(path);
          const value = JSON.stringify(schema.default);
          assert.ok(previous === undefined || previous === value, `${kind} ${path}: versions or channels disagree (${previous} vs ${value})`);
          found.set(path, value);
        }
        for (const [name, child] of Object.entries(schema.properties ?? {})) walk(child, path === '' ? name : `${path}.${name}`);
        if (schema.items) walk(schema.items, `${path}[]`);
        if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${path}{}`);
      };
      const spec = version.schema.openAPIV3Schema.properties?.spec;
      if (spec) walk(spec, 'spec');
    }
  }
  return found;
}

/** The smallest object of `kind` in which `path` is reachable but unset: one item per list on the way. */
function objectReaching(kind: string, path: string): KubeObject {
  const steps = path.replaceAll('[]', '.[]').split('.');
  const root: Record<string, unknown> = {};
  let node: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < steps.length - 1; i++) {
    const next: Record<string, unknown> | unknown[] = steps[i + 1] === '[]' ? [] : {};
    if (Array.isArray(node)) node.push(next);
    else if (steps[i] !== '[]') node[steps[i]!] = next;
    if (steps[i] !== '[]' || Array.isArray(node)) node = next;
  }
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind, metadata: { name: 'x', namespace: 'ns' }, ...root };
}

function read(object: unknown, path: string): unknown {
  let node: unknown = object;
  for (const step of path.replaceAll('[]', '.0').split('.')) node = (node as Record<string, unknown> | undefined)?.[step];
  return node;
}

const gatewayKinds = (Object.keys(KNOWN_KINDS) as KnownKind[]).filter((k) => KNOWN_KINDS[k].group === 'gateway.networking.k8s.io');

for (const kind of gatewayKinds) {
  test(`${kind}: every spec default of the CRDs is in the table, with the same value`, { skip }, () => {
    const theirs = Object.fromEntries(crdDefaults(kind));
    const ours = Object.fromEntries((CRD_DEFAULTS[kind] ?? []).map(([path, value]) => [path, JSON.stringify(value)]));
    assert.deepEqual(ours, theirs);
  });

  test(`${kind}: every default in the table is applied where its field is absent`, () => {
    for (const [path, value] of CRD_DEFAULTS[kind] ?? []) {
      const object = objectReaching(kind, path);
      assert.equal(read(object, path), undefined, `${path} starts unset`);
      applyCrdDefaults(object);
      assert.deepEqual(read(object, path), value, `${kind} ${path}`);
    }
  });
}

test('a route stored as a cluster stores it: parentRef and backendRef defaults, default match', () => {
  const route = applyDefaults({
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'ns' },
    spec: {
      parentRefs: [{ name: 'gw' }, { name: 'other', kind: 'ListenerSet' }],
      rules: [
        { backendRefs: [{ name: 'svc', port: 8080 }] },
        { matches: [{ headers: [{ name: 'version', value: 'two' }] }], filters: [{ type: 'RequestRedirect', requestRedirect: { hostname: 'x' } }] },
      ],
    },
  }, true);
  assert.deepEqual(route.spec, {
    parentRefs: [
      { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' },
      { group: 'gateway.networking.k8s.io', kind: 'ListenerSet', name: 'other' },
    ],
    rules: [
      { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ group: '', kind: 'Service', name: 'svc', port: 8080, weight: 1 }] },
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' }, headers: [{ name: 'version', value: 'two', type: 'Exact' }] }],
        filters: [{ type: 'RequestRedirect', requestRedirect: { hostname: 'x', statusCode: 302 } }],
      },
    ],
  });
});

test('defaults fill only absent fields: explicit values and empty lists are kept; no parent is created', () => {
  const route = applyDefaults({
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' },
    spec: { parentRefs: [{ name: 'gw', group: 'example.com', kind: 'Mesh' }], rules: [{ matches: [], backendRefs: [{ name: 's', port: 1, weight: 0 }] }] },
  }, true);
  assert.deepEqual(route.spec, {
    parentRefs: [{ name: 'gw', group: 'example.com', kind: 'Mesh' }],
    rules: [{ matches: [], backendRefs: [{ name: 's', port: 1, weight: 0, group: '', kind: 'Service' }] }],
  });
  const noRules = applyDefaults({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' }, spec: {} }, true);
  assert.deepEqual(noRules.spec, { rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }] });
  const gateway = applyDefaults({
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'g' },
    spec: { gatewayClassName: 'c', listeners: [{ name: 'h', port: 80, protocol: 'HTTP', allowedRoutes: { kinds: [{ kind: 'HTTPRoute' }] } }] },
  }, true);
  assert.deepEqual(gateway.spec, {
    gatewayClassName: 'c',
    listeners: [{ name: 'h', port: 80, protocol: 'HTTP', allowedRoutes: { kinds: [{ kind: 'HTTPRoute', group: 'gateway.networking.k8s.io' }], namespaces: { from: 'Same' } } }],
  });
});

test('the input object is not modified', () => {
  const input = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'TCPRoute', metadata: { name: 't' }, spec: { parentRefs: [{ name: 'gw' }] } };
  applyDefaults(input, true);
  assert.deepEqual(input.spec, { parentRefs: [{ name: 'gw' }] });
});
