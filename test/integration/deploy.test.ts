// The install manifests under deploy/ and the Dockerfile cannot be applied or built here; these checks
// parse every document and verify kinds, references, least-privilege RBAC and the image's hardening.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KNOWN_KINDS } from '../../src/api/index.ts';
import { REPO } from '../helpers/switchyard.ts';

type Doc = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; [k: string]: unknown };
const DEPLOY = join(REPO, 'deploy');
const files = ['crds/switchyardproxies.yaml', ...readdirSync(DEPLOY).filter((f) => /^\d\d-.*\.yaml$/.test(f)).sort()];
const docs: Doc[] = files.flatMap((f) => parseAllDocuments(readFileSync(join(DEPLOY, f), 'utf8')).map((d) => {
  assert.deepEqual(d.errors, [], f);
  return d.toJSON() as Doc;
}));
const find = (kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata.name === name);
type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };
const allowed = (rules: Rule[], group: string, resource: string, verb: string) =>
  rules.some((r) => r.apiGroups.includes(group) && r.resources.includes(resource) && r.verbs.includes(verb));

test('kustomization lists every manifest', () => {
  const k = parseAllDocuments(readFileSync(join(DEPLOY, 'kustomization.yaml'), 'utf8'))[0]!.toJSON() as { resources: string[] };
  assert.deepEqual([...k.resources].sort(), [...files].sort());
});

test('every document is a well-formed object of an expected kind', () => {
  const kinds = new Set(['CustomResourceDefinition', 'Namespace', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding', 'Deployment', 'Service', 'GatewayClass']);
  for (const d of docs) {
    assert.ok(kinds.has(d.kind), `unexpected kind ${d.kind}`);
    assert.ok(d.apiVersion && d.metadata?.name, `${d.kind} needs apiVersion and metadata.name`);
  }
  assert.equal((find('GatewayClass', 'switchyard')!.spec as { controllerName: string }).controllerName, 'switchyard.dev/gateway-controller');
});

test('RBAC grants what the controller does and nothing broader', () => {
  const rules = (find('ClusterRole', 'switchyard-controller') as unknown as { rules: Rule[] }).rules;
  for (const [, k] of Object.entries(KNOWN_KINDS)) for (const verb of ['list', 'watch']) assert.ok(allowed(rules, k.group, k.plural, verb), `${verb} ${k.plural}`);
  for (const plural of ['gateways', 'gatewayclasses', 'httproutes', 'grpcroutes', 'tlsroutes', 'tcproutes', 'udproutes', 'listenersets', 'backendtlspolicies']) {
    assert.ok(allowed(rules, 'gateway.networking.k8s.io', `${plural}/status`, 'patch'), `patch ${plural}/status`);
    assert.ok(!allowed(rules, 'gateway.networking.k8s.io', plural, 'patch') && !allowed(rules, 'gateway.networking.k8s.io', plural, 'update'), `must not write ${plural} itself`);
  }
  for (const [group, plural] of [['apps', 'deployments'], ['', 'services'], ['', 'secrets']] as const) {
    for (const verb of ['get', 'create', 'patch']) assert.ok(allowed(rules, group, plural, verb), `${verb} ${plural}`);
  }
  assert.ok(rules.every((r) => !r.verbs.includes('*') && !r.resources.includes('*') && !r.apiGroups.includes('*')), 'no wildcards');
  assert.ok(!allowed(rules, 'coordination.k8s.io', 'leases', 'update'), 'leases only through the namespaced Role');
  const role = find('Role', 'switchyard-leader-election') as unknown as { metadata: { namespace: string }; rules: Rule[] };
  assert.equal(role.metadata.namespace, 'switchyard-system');
  for (const verb of ['get', 'create', 'update']) assert.ok(allowed(role.rules, 'coordination.k8s.io', 'leases', verb));
});

test('bindings, the controller Deployment and its Service refer to each other correctly', () => {
  const sa = find('ServiceAccount', 'switchyard-controller')!;
  for (const [kind, name] of [['ClusterRoleBinding', 'switchyard-controller'], ['RoleBinding', 'switchyard-leader-election']] as const) {
    const b = find(kind, name) as unknown as { roleRef: { kind: string; name: string }; subjects: { name: string; namespace: string }[] };
    assert.ok(find(b.roleRef.kind, b.roleRef.name), `${name} roleRef`);
    assert.deepEqual(b.subjects.map((s) => [s.name, s.namespace]), [[sa.metadata.name, sa.metadata.namespace]]);
  }
  const deployment = find('Deployment', 'switchyard-controller') as unknown as { metadata: { namespace: string }; spec: { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: { serviceAccountName: string; securityContext: { runAsNonRoot: boolean }; containers: { args: string[]; ports: { name: string }[]; securityContext: { readOnlyRootFilesystem: boolean; allowPrivilegeEscalation: boolean } }[] } } } };
  assert.equal(deployment.metadata.namespace, 'switchyard-system');
  assert.equal(deployment.spec.template.spec.serviceAccountName, sa.metadata.name);
  for (const [k, v] of Object.entries(deployment.spec.selector.matchLabels)) assert.equal(deployment.spec.template.metadata.labels[k], v);
  const pod = deployment.spec.template.spec;
  assert.equal(pod.securityContext.runAsNonRoot, true);
  assert.deepEqual(pod.containers[0]!.args, ['controller']);
  assert.equal(pod.containers[0]!.securityContext.readOnlyRootFilesystem, true);
  assert.equal(pod.containers[0]!.securityContext.allowPrivilegeEscalation, false);
  const service = find('Service', 'switchyard-controller') as unknown as { spec: { selector: Record<string, string>; ports: { port: number; targetPort: string }[] } };
  for (const [k, v] of Object.entries(service.spec.selector)) assert.equal(deployment.spec.template.metadata.labels[k], v);
  // Proxies dial switchyard-controller.<ns>.svc:18000 by default (src/cli/controller.ts).
  assert.equal(service.spec.ports[0]!.port, 18000);
  assert.ok(pod.containers[0]!.ports.some((p) => p.name === service.spec.ports[0]!.targetPort));
});

test('the SwitchyardProxy CRD serves v1alpha1 with every field of src/api/switchyard.ts', () => {
  const crd = find('CustomResourceDefinition', 'switchyardproxies.gateway.switchyard.dev') as unknown as { spec: { group: string; names: { kind: string; plural: string }; versions: { name: string; schema: { openAPIV3Schema: { properties: { spec: { properties: Record<string, unknown> } } } } }[] } };
  assert.equal(crd.spec.group, 'gateway.switchyard.dev');
  assert.deepEqual([crd.spec.names.kind, crd.spec.names.plural], ['SwitchyardProxy', 'switchyardproxies']);
  const fields = Object.keys(crd.spec.versions[0]!.schema.openAPIV3Schema.properties.spec.properties).sort();
  const source = readFileSync(join(REPO, 'src/api/switchyard.ts'), 'utf8');
  const specBody = source.slice(source.indexOf('export interface SwitchyardProxySpec'), source.indexOf('export interface SwitchyardProxy extends'));
  const declared = [...specBody.matchAll(/^ {2}(\w+)\?:/gm)].map((m) => m[1]).sort();
  assert.deepEqual(fields, declared);
});

test('the Dockerfile is multi-stage on Node 24 slim, installs production dependencies only and runs as a numeric non-root user', () => {
  const text = readFileSync(join(REPO, 'Dockerfile'), 'utf8');
  const froms = [...text.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
  assert.equal(froms.length, 2);
  assert.ok(froms.every((f) => f!.startsWith('node:24-slim')));
  assert.match(text, /npm ci --omit=dev/);
  assert.match(text, /COPY --from=deps/);
  assert.match(text, /^USER 10001:10001$/m);
  assert.match(text, /^ENTRYPOINT \["node", "\/app\/bin\/switchyard\.js"\]$/m);
  assert.doesNotMatch(text.slice(text.lastIndexOf('FROM')), /^RUN /m, 'the final stage runs nothing as root');
});
