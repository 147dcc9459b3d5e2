import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KnownKind } from '../../api/index.ts';
import { expectCase } from './check.test-util.ts';

const meta = { name: 'x', namespace: 'demo' };
const obj = (kind: string, spec: Record<string, unknown>, version = 'v1') => ({ apiVersion: `gateway.networking.k8s.io/${version}`, kind, metadata: meta, spec });
const backend = { name: 'svc', port: 443 };

const CASES: [KnownKind, string, Record<string, unknown>, RegExp | undefined, string?][] = [
  ['TLSRoute', 'a passthrough route', obj('TLSRoute', { hostnames: ['a.example.com'], rules: [{ backendRefs: [backend] }] }), undefined],
  ['TLSRoute', 'v1 requires hostnames', obj('TLSRoute', { rules: [{ backendRefs: [backend] }] }), /spec\.hostnames: required field is missing/],
  ['TLSRoute', 'v1alpha2 does not', obj('TLSRoute', { rules: [{ backendRefs: [backend] }] }, 'v1alpha2'), undefined, 'v1alpha2'],
  ['TLSRoute', 'an IP as hostname', obj('TLSRoute', { hostnames: ['10.0.0.1'], rules: [{ backendRefs: [backend] }] }), /hostnames\[0\]: hostnames cannot be IP addresses/],
  ['TLSRoute', 'v1 allows one rule', obj('TLSRoute', { hostnames: ['a.example.com'], rules: [{ backendRefs: [backend] }, { backendRefs: [backend] }] }), /spec\.rules: must have at most 1 items/],
  ['TCPRoute', 'v1alpha2 allows several rules, with unique names', obj('TCPRoute', { rules: [{ name: 'a', backendRefs: [backend] }, { name: 'a', backendRefs: [backend] }] }, 'v1alpha2'), /rules\[1\]\.name: rule name must be unique/, 'v1alpha2'],
  ['TCPRoute', 'a rule needs backendRefs', obj('TCPRoute', { rules: [{}] }), /rules\[0\]\.backendRefs: required field is missing/],
  ['UDPRoute', 'a Service backend needs a port', obj('UDPRoute', { rules: [{ backendRefs: [{ name: 'dns' }] }] }), /must have port for Service reference/],
  ['GRPCRoute', 'a method match', obj('GRPCRoute', { rules: [{ matches: [{ method: { service: 'pkg.Svc', method: 'Get' } }], backendRefs: [backend] }] }), undefined],
  ['GRPCRoute', 'a type without service or method', obj('GRPCRoute', { rules: [{ matches: [{ method: { type: 'Exact' } }] }] }), /one or both of 'service' or 'method' must be specified/],
  ['GRPCRoute', 'an invalid Exact service', obj('GRPCRoute', { rules: [{ matches: [{ method: { service: 'pkg/Svc' } }] }] }), /service: "pkg\/Svc" is not a valid gRPC service name/],
  ['GRPCRoute', 'a regular expression is not checked', obj('GRPCRoute', { rules: [{ matches: [{ method: { type: 'RegularExpression', service: 'pkg/.*' } }] }] }), undefined],
  ['GRPCRoute', 'URLRewrite is not a GRPC filter', obj('GRPCRoute', { rules: [{ filters: [{ type: 'URLRewrite' }] }] }), /type: "URLRewrite" is not one of/],
  ['ReferenceGrant', 'from and to', obj('ReferenceGrant', { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'a' }], to: [{ group: '', kind: 'Service' }] }), undefined],
  ['ReferenceGrant', 'from needs a namespace', obj('ReferenceGrant', { from: [{ group: '', kind: 'HTTPRoute' }], to: [{ group: '', kind: 'Service' }] }), /from\[0\]\.namespace: required field is missing/],
  ['ReferenceGrant', 'to must not be empty', obj('ReferenceGrant', { from: [{ group: '', kind: 'HTTPRoute', namespace: 'a' }], to: [] }), /spec\.to: must have at least 1 item/],
];

const policy = (validation: Record<string, unknown>, targetRefs: unknown[] = [{ group: '', kind: 'Service', name: 'svc' }]) =>
  obj('BackendTLSPolicy', { targetRefs, validation: { hostname: 'svc.example.com', ...validation } });
const ca = { caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'ca' }] };
CASES.push(
  ['BackendTLSPolicy', 'with CA certificates', policy(ca), undefined],
  ['BackendTLSPolicy', 'with the system CAs', policy({ wellKnownCACertificates: 'System' }), undefined],
  ['BackendTLSPolicy', 'with both', policy({ ...ca, wellKnownCACertificates: 'System' }), /must not contain both caCertificateRefs and wellKnownCACertificates/],
  ['BackendTLSPolicy', 'with neither', policy({}), /must specify either caCertificateRefs or wellKnownCACertificates/],
  ['BackendTLSPolicy', 'without a hostname', obj('BackendTLSPolicy', { targetRefs: [{ group: '', kind: 'Service', name: 's' }], validation: ca }), /validation\.hostname: required field is missing/],
  ['BackendTLSPolicy', 'a Hostname SAN without hostname', policy({ ...ca, subjectAltNames: [{ type: 'Hostname', uri: 'spiffe://a/b' }] }), /subjectAltNames\[0\]\.hostname: hostname must be specified when type is Hostname/],
  ['BackendTLSPolicy', 'a URI SAN', policy({ ...ca, subjectAltNames: [{ type: 'URI', uri: 'spiffe://cluster.local/ns/a' }] }), undefined],
  ['BackendTLSPolicy', 'two targets, one without sectionName', policy(ca, [{ group: '', kind: 'Service', name: 's' }, { group: '', kind: 'Service', name: 's', sectionName: 'https' }]), /targetRefs\[1\]: sectionName must be specified/],
  ['BackendTLSPolicy', 'the same target twice', policy(ca, [{ group: '', kind: 'Service', name: 's' }, { group: '', kind: 'Service', name: 's' }]), /targetRefs\[1\]: sectionName must be unique/],
);

for (const [kind, name, object, expected, version] of CASES) {
  test(`${kind}: ${name}`, () => assert.equal(expectCase(kind, object, expected, version), undefined));
}
