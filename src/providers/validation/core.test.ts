import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KnownKind } from '../../api/index.ts';
import { expectCase, problems } from './check.test-util.ts';

const service = (spec: Record<string, unknown>, name = 'web') => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
const slice = (body: Record<string, unknown>) => ({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-1', labels: { 'kubernetes.io/service-name': 'web' } }, ...body,
});

const CASES: [KnownKind, string, Record<string, unknown>, RegExp | undefined][] = [
  ['Service', 'one port', service({ ports: [{ port: 80, targetPort: 8080 }] }), undefined],
  ['Service', 'no ports', service({ selector: { app: 'web' } }), /spec\.ports: at least one port is required/],
  ['Service', 'headless without ports', service({ clusterIP: 'None' }), undefined],
  ['Service', 'port out of range', service({ ports: [{ port: 65536 }] }), /ports\[0\]\.port: must be at most 65535/],
  ['Service', 'a named targetPort', service({ ports: [{ port: 80, targetPort: 'http' }] }), undefined],
  ['Service', 'two ports, one unnamed', service({ ports: [{ name: 'a', port: 80 }, { port: 81 }] }), /ports\[1\]\.name: name is required when a Service has more than one port/],
  ['Service', 'a name starting with a digit (DNS-1035)', service({ ports: [{ port: 80 }] }, '1web'), /metadata\.name: "1web" is not a valid DNS-1035 label/],
  ['Service', 'a bad protocol', service({ ports: [{ port: 80, protocol: 'tcp' }] }), /protocol: "tcp" is not one of "TCP", "UDP", "SCTP"/],
  ['EndpointSlice', 'IPv4 endpoints', slice({ addressType: 'IPv4', endpoints: [{ addresses: ['10.0.0.1'], conditions: { ready: true } }], ports: [{ name: 'http', port: 8080 }] }), undefined],
  ['EndpointSlice', 'no addressType', slice({ endpoints: [] }), /addressType: required field is missing/],
  ['EndpointSlice', 'an IPv6 address in an IPv4 slice', slice({ addressType: 'IPv4', endpoints: [{ addresses: ['::1'] }] }), /endpoints\[0\]\.addresses\[0\]: "::1" is not a valid IPv4 address/],
  ['EndpointSlice', 'an endpoint without addresses', slice({ addressType: 'IPv4', endpoints: [{ addresses: [] }] }), /addresses: must have at least 1 item/],
  ['Secret', 'data is base64', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { 'tls.crt': 'aGVsbG8=' } }, undefined],
  ['Secret', 'data that is not base64', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { 'tls.crt': 'hello world' } }, /data\["tls\.crt"\]: "hello world" is not valid base64/],
  ['Secret', 'a bad key', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { 'a/b': 'x' } }, /"a\/b" is not a valid key/],
  ['ConfigMap', 'data', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'ca.crt': '-----BEGIN' } }, undefined],
  ['Namespace', 'a DNS label', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } }, /metadata\.name: "a\.b" is not a valid DNS-1123 label/],
  ['Namespace', 'a bad label value', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a', labels: { team: 'a b' } } }, /labels\.team: "a b" is not a valid label value/],
];

for (const [kind, name, object, expected] of CASES) {
  test(`${kind}: ${name}`, () => assert.equal(expectCase(kind, object, expected), undefined));
}

test('EndpointSlice: without the service-name label it is admitted with a warning', () => {
  const object = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'x' }, addressType: 'IPv4', endpoints: [] };
  assert.deepEqual(problems('EndpointSlice', object), []);
  assert.match(problems('EndpointSlice', object, 'v1', 'warning').join('\n'), /needs the label kubernetes\.io\/service-name/);
});
