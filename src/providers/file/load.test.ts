import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDiagnostic } from '../diagnostics.ts';
import { loadManifests, loadText } from './load.ts';

const MIXED = new URL('./testdata/mixed', import.meta.url).pathname;
const relative = (line: string) => line.replaceAll(`${MIXED}/`, '');

test('loadManifests: every file, every document, every diagnostic with file, line, resource and field', async () => {
  const load = await loadManifests([MIXED]);
  assert.deepEqual(load.files.map((f) => [relative(f.path), f.status, f.objects, f.rejected]), [
    ['01-gateway.yaml', 'loaded', 2, 0],
    ['broken.yaml', 'failed', 0, 0],
    ['routes/api.yaml', 'loaded', 1, 2],
    ['secret.yml', 'loaded', 1, 0],
    ['services.json', 'loaded', 2, 0],
    ['workloads.yaml', 'loaded', 0, 0],
    ['zz-duplicate.yaml', 'loaded', 0, 1],
  ]);
  assert.deepEqual(load.errors.map((d) => relative(formatDiagnostic(d))), [
    'broken.yaml:7: not valid YAML/JSON, file ignored: Flow sequence in block collection must be sufficiently indented and end with a ]',
    'routes/api.yaml:23: HTTPRoute demo/my-route: spec.rules[0].matches[0].path.value: must be an absolute path and start with "/" when type is PathPrefix',
    'routes/api.yaml:28: HTTPRoute demo/old: apiVersion gateway.networking.k8s.io/v1alpha1 is not served for HTTPRoute; use one of: gateway.networking.k8s.io/v1, gateway.networking.k8s.io/v1beta1',
    'zz-duplicate.yaml:1: Gateway default/web: duplicate of the object at 01-gateway.yaml:10 (same kind, namespace and name); this one is ignored, the first is kept',
  ]);
  assert.deepEqual(load.warnings.map((d) => relative(formatDiagnostic(d))), [
    '01-gateway.yaml:6: GatewayClass switchyard: GatewayClass is cluster-scoped: metadata.namespace is ignored',
    'workloads.yaml:1: Deployment demo/api: Deployment (apps/v1) ignored: standalone mode runs no workloads; describe its endpoints with an EndpointSlice (discovery.k8s.io/v1) labelled kubernetes.io/service-name: <service>',
    'workloads.yaml:8: Ingress legacy: Ingress (networking.k8s.io/v1) ignored: describe the same routing with a Gateway and HTTPRoutes (gateway.networking.k8s.io/v1)',
  ]);
  assert.deepEqual(load.objects.map((o) => `${relative(o.source.file)}:${o.source.line} ${o.object.kind}/${o.object.metadata.namespace ?? ''}/${o.object.metadata.name}`), [
    '01-gateway.yaml:2 GatewayClass//switchyard',
    '01-gateway.yaml:10 Gateway/default/web',
    'routes/api.yaml:1 HTTPRoute/demo/good',
    'secret.yml:1 Secret/demo/creds',
    'services.json:5 Service/demo/api',
    'services.json:11 EndpointSlice/demo/api-1',
  ]);
});

test('loadManifests: cluster defaults — namespace, generation, creationTimestamp, Secret stringData', async () => {
  const load = await loadManifests([MIXED]);
  const byKind = Object.fromEntries(load.objects.map((o) => [o.object.kind, o.object]));
  assert.equal(byKind.Gateway!.metadata.namespace, 'default');
  assert.equal(byKind.GatewayClass!.metadata.namespace, undefined);
  assert.equal(byKind.Gateway!.metadata.generation, 1);
  assert.equal(byKind.Gateway!.metadata.creationTimestamp, '1970-01-01T00:00:00Z');
  assert.deepEqual(byKind.Secret!.data, { a: 'YQ==', b: Buffer.from('hello').toString('base64') });
  assert.equal(byKind.Secret!.stringData, undefined);
  assert.ok(Object.isFrozen(byKind.Gateway!.spec), 'loaded objects are frozen');
});

test('loadText: an explicit creationTimestamp and generation win; status is dropped; Namespaces get their name label', () => {
  const load = loadText('x.yaml', [
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a, labels: {tier: gold}}',
    'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, creationTimestamp: 2024-05-01T10:00:00Z, generation: 7}\nspec: {}\nstatus: {parents: []}',
  ].join('\n---\n'));
  const [ns, route] = load.accepted.map((a) => a.loaded.object);
  assert.deepEqual(ns!.metadata.labels, { tier: 'gold', 'kubernetes.io/metadata.name': 'team-a' });
  assert.equal(route!.metadata.creationTimestamp, '2024-05-01T10:00:00Z');
  assert.equal(route!.metadata.generation, 7);
  assert.equal(route!.status, undefined, 'status is dropped, as on create');
});

test('loadText: documents that are not objects, or lack apiVersion, kind or name, are errors', () => {
  const load = loadText('x.yaml', ['- a list', 'kind: Service\nmetadata: {name: a}', 'apiVersion: v1\nkind: Service\nmetadata: {generateName: web-}', 'just a string'].join('\n---\n'));
  assert.deepEqual(load.diagnostics.map(formatDiagnostic), [
    'x.yaml:1: expected a Kubernetes object (a mapping with apiVersion, kind and metadata), got a list',
    'x.yaml:3: not a Kubernetes object: apiVersion must be set (strings)',
    'x.yaml:8: Service: metadata.name must be set (generateName is not supported: nothing generates names in standalone mode)',
    'x.yaml:10: expected a Kubernetes object (a mapping with apiVersion, kind and metadata), got string',
  ]);
});

test('loadText: a typed list lends its apiVersion and kind to its items', () => {
  const load = loadText('x.yaml', 'apiVersion: v1\nkind: ServiceList\nitems:\n  - metadata: {name: a}\n    spec: {ports: [{port: 80}]}\n');
  assert.deepEqual(load.accepted.map((a) => [a.key, a.loaded.source.line]), [['Service/default/a', 4]]);
});

test('loadText: a kind of another group is a different kind, ignored with a warning', () => {
  const load = loadText('x.yaml', 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec: {}');
  assert.equal(load.accepted.length, 0);
  assert.match(formatDiagnostic(load.diagnostics[0]!), /Gateway \(networking\.istio\.io\/v1\) ignored: not read by Switchyard, which reads Gateway from gateway\.networking\.k8s\.io\/v1, gateway\.networking\.k8s\.io\/v1beta1/);
  assert.equal(load.diagnostics[0]!.severity, 'warning');
});

test('loadManifests: a missing path is an error, the other paths still load', async () => {
  const load = await loadManifests([`${MIXED}/does-not-exist`, `${MIXED}/secret.yml`]);
  assert.equal(load.objects.length, 1);
  assert.deepEqual(load.errors.map((d) => [d.code, relative(formatDiagnostic(d))]), [
    ['SY_ERR_CONFIG_PATH', 'does-not-exist: cannot read configuration path: no such file or directory'],
  ]);
});

test('loadText: null fields are absent, as the API server prunes them (found by the property test)', () => {
  const load = loadText('x.yaml', 'apiVersion: v1\nkind: Secret\nmetadata: {name: s, labels: }\nstringData:\ndata: {a: YQ==}\n');
  assert.deepEqual(load.diagnostics, []);
  const secret = load.accepted[0]!.loaded.object;
  assert.deepEqual(secret.data, { a: 'YQ==' });
  assert.equal('stringData' in secret, false);
  assert.equal('labels' in secret.metadata, false);
});
