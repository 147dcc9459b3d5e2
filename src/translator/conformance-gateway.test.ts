// Cross-check against the upstream conformance suite's Gateway and ListenerSet tests: their
// manifests are read in place (../shared/gateway-api, not copied) and translated, and the
// conditions the suite's Go tests wait for are asserted here. Secrets and ConfigMaps the suite
// creates at run time are stood in for. Skipped when the manifests are not present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CONTROLLER_NAME, type Condition, type KubeObject } from '../api/index.ts';
import { snapshotOf } from '../store/index.ts';
import { translate } from './translate.ts';
import type { ObjectStatus } from './types.ts';

const CONFORMANCE = join(import.meta.dirname, '../../../shared/gateway-api/conformance');
const present = existsSync(join(CONFORMANCE, 'base/manifests.yaml'));
const INFRA = 'gateway-conformance-infra';

// A PEM body that passes the translator's framing checks (a DER SEQUENCE); no crypto is done here.
const DER = btoa(String.fromCharCode(0x30, 0x03, 0x02, 0x01, 0x00));
const pem = (label: string) => `-----BEGIN ${label}-----\n${DER}\n-----END ${label}-----\n`;
const tlsSecret = (namespace: string, name: string): KubeObject => ({
  apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, type: 'kubernetes.io/tls',
  stringData: { 'tls.crt': pem('CERTIFICATE'), 'tls.key': pem('PRIVATE KEY') },
});
const caConfigMap = (namespace: string, name: string): KubeObject => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: { 'ca.crt': pem('CERTIFICATE') },
});

/** What the suite creates itself, besides base/manifests.yaml. */
const RUNTIME_OBJECTS: KubeObject[] = [
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'switchyard' }, spec: { controllerName: CONTROLLER_NAME } },
  tlsSecret(INFRA, 'tls-validity-checks-certificate'),
  tlsSecret('gateway-conformance-web-backend', 'certificate'),
  caConfigMap(INFRA, 'tls-validity-checks-ca-certificate'),
  caConfigMap(INFRA, 'tls-validity-checks-per-port-ca-certificate'),
  caConfigMap('gateway-conformance-web-backend', 'web-backend-cm'),
];

function load(file: string, replacements: Record<string, string> = {}): KubeObject[] {
  let text = readFileSync(join(CONFORMANCE, file), 'utf8').replaceAll('{GATEWAY_CLASS_NAME}', 'switchyard');
  for (const [from, to] of Object.entries(replacements)) text = text.replaceAll(from, to);
  return parseAllDocuments(text).map((d) => d.toJS() as KubeObject | null).filter((o): o is KubeObject => o !== null);
}

/**
 * In the suite's cluster every Gateway gets an address of its own; translated together with one
 * default address they would all share it and conflict across Gateways (as they would in a
 * standalone Switchyard). So each Gateway without spec.addresses is given its own here.
 */
function ownAddresses(objects: KubeObject[]): KubeObject[] {
  let n = 0;
  return objects.map((o) => {
    if (o.kind !== 'Gateway' || (o.spec as { addresses?: unknown }).addresses) return o;
    return { ...o, spec: { ...(o.spec as object), addresses: [{ type: 'IPAddress', value: `127.0.1.${++n}` }] } };
  });
}

function run(file: string, edit: (objects: KubeObject[]) => KubeObject[] = (o) => o): Map<string, ObjectStatus> {
  const tests = load(`tests/${file}`, { PLACEHOLDER_UNUSABLE_ADDRS: '10.9.8.7', PLACEHOLDER_USABLE_ADDRS: '127.0.0.9' });
  const objects = edit(ownAddresses([...load('base/manifests.yaml'), ...RUNTIME_OBJECTS, ...tests]));
  const result = translate(snapshotOf(objects), {
    controllerName: CONTROLLER_NAME, now: '2026-01-01T00:00:00Z', defaultAddresses: ['127.0.0.1'],
    usableAddresses: (ip) => ip.startsWith('127.'),
  });
  return new Map(result.statuses.map((s) => [s.key, s]));
}

interface Entry { name?: string; conditions?: Condition[]; supportedKinds?: { kind: string }[] }

/** Asserts `type=status[/reason]` on an object, or on one of its listeners. */
function expect(statuses: Map<string, ObjectStatus>, key: string, listener: string | null, ...wanted: string[]): void {
  const status = statuses.get(key)?.status as (Entry & { listeners?: Entry[] }) | undefined;
  assert.ok(status, `${key} has a status`);
  const entry = listener === null ? status : status.listeners?.find((l) => l.name === listener);
  assert.ok(entry, `${key} listener ${listener}`);
  for (const w of wanted) {
    const [type, state, reason] = w.split(/[=/]/);
    const c: Condition | undefined = entry.conditions?.find((x) => x.type === type);
    assert.ok(c, `${key} ${listener ?? ''}: ${type} present`);
    assert.equal(c.status, state, `${key} ${listener ?? ''}: ${w} (${c.reason}: ${c.message})`);
    if (reason) assert.equal(c.reason, reason, `${key} ${listener ?? ''}: ${w} (${c.message})`);
  }
}

function kinds(statuses: Map<string, ObjectStatus>, key: string, listener: string): string[] {
  const status = statuses.get(key)!.status as { listeners: Entry[] };
  return status.listeners.find((l) => l.name === listener)!.supportedKinds!.map((k) => k.kind);
}

const gw = (name: string) => `Gateway/${INFRA}/${name}`;

test('conformance: GatewayListenerUnsupportedProtocol', { skip: !present }, () => {
  const s = run('gateway-invalid-listeners-unsupported-protocol.yaml');
  expect(s, gw('gateway-only-unsupported-protocols'), null, 'Accepted=False/ListenersNotValid');
  expect(s, gw('gateway-only-unsupported-protocols'), 'invalid', 'Accepted=False/UnsupportedProtocol');
  assert.deepEqual(kinds(s, gw('gateway-only-unsupported-protocols'), 'invalid'), []);
  expect(s, gw('gateway-supported-and-unsupported-protocols'), null, 'Accepted=True/ListenersNotValid');
  expect(s, gw('gateway-supported-and-unsupported-protocols'), 'http', 'Accepted=True/Accepted');
  assert.ok(kinds(s, gw('gateway-supported-and-unsupported-protocols'), 'http').includes('HTTPRoute'));
});

test('conformance: GatewayInvalidRouteKind', { skip: !present }, () => {
  const s = run('gateway-invalid-route-kind.yaml');
  expect(s, gw('gateway-only-invalid-route-kind'), 'http', 'ResolvedRefs=False/InvalidRouteKinds');
  assert.deepEqual(kinds(s, gw('gateway-only-invalid-route-kind'), 'http'), []);
  expect(s, gw('gateway-supported-and-invalid-route-kind'), 'http', 'ResolvedRefs=False/InvalidRouteKinds');
  assert.deepEqual(kinds(s, gw('gateway-supported-and-invalid-route-kind'), 'http'), ['HTTPRoute']);
});

test('conformance: GatewayInvalidTLSConfiguration', { skip: !present }, () => {
  const s = run('gateway-invalid-tls-configuration.yaml');
  for (const name of ['nonexistent-secret', 'unsupported-group', 'unsupported-kind', 'malformed-secret']) {
    expect(s, gw(`gateway-certificate-${name}`), 'https', 'ResolvedRefs=False/InvalidCertificateRef');
    assert.ok(kinds(s, gw(`gateway-certificate-${name}`), 'https').includes('HTTPRoute'));
  }
});

test('conformance: GatewaySecret* ReferenceGrant tests', { skip: !present }, () => {
  expect(run('gateway-secret-missing-reference-grant.yaml'), gw('gateway-secret-missing-reference-grant'), 'https', 'ResolvedRefs=False/RefNotPermitted');
  expect(run('gateway-secret-invalid-reference-grant.yaml'), gw('gateway-secret-invalid-reference-grant'), 'https', 'ResolvedRefs=False/RefNotPermitted');
  for (const name of ['gateway-secret-reference-grant-all-in-namespace', 'gateway-secret-reference-grant-specific']) {
    expect(run(`${name}.yaml`), gw(name), 'https', 'Programmed=True/Programmed', 'ResolvedRefs=True');
  }
});

test('conformance: GatewayInvalidTLSBackendConfiguration', { skip: !present }, () => {
  const s = run('gateway-invalid-tls-backend-configuration.yaml');
  for (const [name, reason] of [
    ['nonexistent-secret', 'InvalidClientCertificateRef'], ['unsupported-group', 'InvalidClientCertificateRef'],
    ['unsupported-kind', 'InvalidClientCertificateRef'], ['malformed-secret', 'InvalidClientCertificateRef'],
    ['missing-reference-grant', 'RefNotPermitted'],
  ]) {
    expect(s, gw(`gateway-client-certificate-${name}`), null, `ResolvedRefs=False/${reason}`, 'Accepted=True/Accepted');
  }
});

test('conformance: frontend client certificate validation', { skip: !present }, () => {
  const invalid = run('gateway-with-invalid-clientcertificate-validation.yaml');
  const g = gw('gateway-with-invalid-client-cert-validation');
  expect(invalid, g, 'https', 'ResolvedRefs=True', 'Accepted=True', 'Programmed=True');
  expect(invalid, g, 'https-unresolved', 'ResolvedRefs=False/InvalidCACertificateRef', 'Accepted=False/NoValidCACertificate', 'Programmed=False');
  expect(invalid, g, 'https-invalid-kind', 'ResolvedRefs=False/InvalidCACertificateKind', 'Accepted=False/NoValidCACertificate', 'Programmed=False');
  expect(invalid, g, 'https-grant-missing', 'ResolvedRefs=False/RefNotPermitted', 'Accepted=False/NoValidCACertificate', 'Programmed=False');
  const byDefault = run('gateway-invalid-default-frontend-client-certificate-validation.yaml');
  const d = gw('invalid-default-client-validation-config');
  expect(byDefault, d, 'http', 'ResolvedRefs=True', 'Accepted=True', 'Programmed=True');
  expect(byDefault, d, 'https', 'ResolvedRefs=False/InvalidCACertificateRef', 'Accepted=False/NoValidCACertificate', 'Programmed=False');
  const fallback = run('gateway-with-clientcertificate-validation-insecure-fallback.yaml');
  expect(fallback, gw('client-validation-insecure-fallback'), null, 'InsecureFrontendValidationMode=True/ConfigurationChanged');
});

test('conformance: GatewayStaticAddresses, step by step', { skip: !present }, () => {
  const key = gw('gateway-static-addresses');
  const dropAddress = (index: number) => (objects: KubeObject[]) => objects.map((o) => {
    if (o.kind !== 'Gateway' || o.metadata.name !== 'gateway-static-addresses') return o;
    const spec = o.spec as { addresses: unknown[] };
    return { ...o, spec: { ...spec, addresses: spec.addresses.filter((_, i) => i !== index) } };
  });
  expect(run('gateway-static-addresses.yaml'), key, null, 'Accepted=False/UnsupportedAddress');
  expect(run('gateway-static-addresses.yaml', dropAddress(0)), key, null, 'Accepted=True/Accepted', 'Programmed=False/AddressNotUsable');
  const final = run('gateway-static-addresses.yaml', (o) => dropAddress(0)(dropAddress(1)(o)));
  expect(final, key, null, 'Accepted=True/Accepted', 'Programmed=True/Programmed');
  expect(final, key, 'http', 'Accepted=True', 'ResolvedRefs=True');
  assert.deepEqual(final.get(key)!.status.addresses, [{ type: 'IPAddress', value: '127.0.0.9' }]);
});

test('conformance: GatewayInvalidParametersRef and GatewayOptionalAddressValue', { skip: !present }, () => {
  expect(run('gateway-invalid-parameters-ref.yaml'), gw('gateway-invalid-parameters-ref'), null, 'Accepted=False/InvalidParameters');
  const s = run('gateway-optional-address-value.yaml');
  expect(s, gw('gateway-without-address-value'), null, 'Accepted=True', 'Programmed=True');
  assert.deepEqual(s.get(gw('gateway-without-address-value'))!.status.addresses, [{ type: 'IPAddress', value: '127.0.0.1' }]);
});

const ls = (namespace: string, name: string) => `ListenerSet/${namespace}/${name}`;
const attached = (s: Map<string, ObjectStatus>, key: string) => s.get(key)!.status.attachedListenerSets;
const ACCEPTED_LISTENER = ['ResolvedRefs=True', 'Accepted=True', 'Programmed=True'];

test('conformance: ListenerSet allowed namespaces', { skip: !present }, () => {
  for (const [file, gateway, notAllowed] of [
    ['listenerset-default-not-allowed.yaml', 'gateway-default-does-not-allow-listenerset', ls(INFRA, 'listenerset-default-not-allowed')],
    ['listenerset-allowed-namespace-none.yaml', 'gateway-does-not-allow-listenerset', ls(INFRA, 'listenerset-not-allowed')],
  ] as const) {
    const s = run(file);
    expect(s, gw(gateway), null, 'Accepted=True');
    assert.equal(attached(s, gw(gateway)), 0);
    expect(s, notAllowed, null, 'Accepted=False/NotAllowed', 'Programmed=False/NotAllowed');
  }
  const same = run('listenerset-allowed-namespace-same.yaml');
  assert.equal(attached(same, gw('gateway-allows-listenerset-in-same-namespace')), 1);
  expect(same, ls(INFRA, 'listenerset-in-same-namespace'), null, 'Accepted=True/Accepted', 'Programmed=True/Programmed');
  expect(same, ls(INFRA, 'listenerset-in-same-namespace'), 'listenerset-in-same-namespace-listener', ...ACCEPTED_LISTENER);
  expect(same, ls('gateway-api-listenerset-not-allowed-ns', 'listenerset-in-different-namespace'), null, 'Accepted=False/NotAllowed', 'Programmed=False/NotAllowed');
  const selector = run('listenerset-allowed-namespace-selector.yaml');
  assert.equal(attached(selector, gw('gateway-allows-listenerset-in-selected-namespace')), 1);
  expect(selector, ls('gateway-api-listenerset-selector-allowed-ns', 'listenerset-in-selected-namespace'), null, 'Accepted=True/Accepted', 'Programmed=True/Programmed');
  expect(selector, ls('gateway-api-listenerset-selector-not-allowed-ns', 'listenerset-not-in-selected-namespace'), null, 'Accepted=False/NotAllowed', 'Programmed=False/NotAllowed');
});

test('conformance: ListenerSet protocol and hostname conflicts follow listener precedence', { skip: !present }, () => {
  for (const kind of ['protocol', 'hostname'] as const) {
    const conflicted = kind === 'protocol' ? 'ProtocolConflict' : 'HostnameConflict';
    const rejected = [`Accepted=False/${conflicted}`, `Programmed=False/${conflicted}`, `Conflicted=True/${conflicted}`];
    const s = run(`listenerset-${kind}-conflict.yaml`);
    const g = gw(`gateway-with-listenerset-${kind}-conflict`);
    expect(s, g, null, 'Accepted=True');
    expect(s, g, 'gateway-listener', ...ACCEPTED_LISTENER);
    expect(s, g, `${kind}-conflict-with-gateway-listener`, ...ACCEPTED_LISTENER);
    assert.equal(attached(s, g), 2);
    const one = ls(INFRA, `listenerset-with-${kind}-conflict-with-gateway-1`);
    expect(s, one, null, 'Accepted=True', 'Programmed=True/Programmed');
    expect(s, one, 'listener-set-1-listener', ...ACCEPTED_LISTENER);
    expect(s, one, `${kind}-conflict-with-gateway-listener`, ...rejected);
    expect(s, one, `${kind}-conflict-with-listener-set-listener`, ...ACCEPTED_LISTENER);
    const two = ls(INFRA, `listenerset-with-${kind}-conflict-with-gateway-2`);
    expect(s, two, null, 'Accepted=False/ListenersNotValid', 'Programmed=False/ListenersNotValid');
    expect(s, two, `${kind}-conflict-with-gateway-listener`, ...rejected);
    const three = ls(INFRA, `listenerset-with-${kind}-conflict-with-listener-set-1`);
    expect(s, three, null, 'Accepted=True', 'Programmed=True/Programmed');
    expect(s, three, 'listener-set-2-listener', ...ACCEPTED_LISTENER);
    expect(s, three, `${kind}-conflict-with-listener-set-listener`, ...rejected);
    const four = ls(INFRA, `listenerset-with-${kind}-conflict-with-listener-set-2`);
    expect(s, four, null, 'Accepted=False/ListenersNotValid', 'Programmed=False/ListenersNotValid');
    expect(s, four, `${kind}-conflict-with-listener-set-listener`, ...rejected);
  }
});

test('conformance: ListenerSetReferenceGrant', { skip: !present }, () => {
  const s = run('listenerset-reference-grant.yaml');
  expect(s, gw('gateway-with-listener-sets-test-reference-grant'), null, 'Accepted=True');
  expect(s, ls(INFRA, 'listenerset-with-reference-grant'), null, 'Accepted=True', 'Programmed=True');
  expect(s, ls(INFRA, 'listenerset-with-reference-grant'), 'listenerset-with-reference-grant-listener', 'ResolvedRefs=True');
  const without = ls('gateway-api-listener-sets-test-reference-grant-ns', 'listenerset-without-reference-grant');
  expect(s, without, null, 'Accepted=False/ListenersNotValid', 'Programmed=False/ListenersNotValid');
  expect(s, without, 'listenerset-without-reference-grant-listener', 'ResolvedRefs=False/RefNotPermitted');
});
