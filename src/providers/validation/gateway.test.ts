import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectCase } from './check.test-util.ts';

type Listener = Record<string, unknown>;
const gateway = (listeners: Listener[], spec: Record<string, unknown> = {}) => ({
  apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway',
  metadata: { name: 'gw', namespace: 'demo' },
  spec: { gatewayClassName: 'switchyard', listeners, ...spec },
});
const http = { name: 'http', port: 80, protocol: 'HTTP' };
const cert = { certificateRefs: [{ name: 'cert' }] };
const https = { name: 'https', port: 443, protocol: 'HTTPS', hostname: 'a.example.com', tls: cert };

const CASES: [string, Record<string, unknown>, RegExp | undefined][] = [
  ['HTTP and HTTPS listeners', gateway([http, https]), undefined],
  ['no listeners', gateway([]), /spec\.listeners: must have at least 1 item/],
  ['no gatewayClassName', { ...gateway([http]), spec: { listeners: [http] } }, /spec\.gatewayClassName: required field is missing/],
  ['tls on an HTTP listener', gateway([{ ...http, tls: cert }]), /listeners\[0\]\.tls: tls must not be specified for protocol HTTP/],
  ['tls on a TCP listener', gateway([{ name: 'tcp', port: 9000, protocol: 'TCP', tls: cert }]), /tls must not be specified for protocol TCP/],
  ['Passthrough on HTTPS', gateway([{ ...https, tls: { mode: 'Passthrough' } }]), /tls\.mode: tls mode must be Terminate for protocol HTTPS/],
  ['TLS without tls', gateway([{ name: 'tls', port: 8443, protocol: 'TLS' }]), /listeners\[0\]: tls \(with a mode\) must be set for protocol TLS/],
  ['TLS Passthrough', gateway([{ name: 'tls', port: 8443, protocol: 'TLS', tls: { mode: 'Passthrough' } }]), undefined],
  ['Terminate without certificates or options', gateway([{ ...https, tls: {} }]), /listeners\[0\]\.tls: certificateRefs or options must be specified when mode is Terminate/],
  ['Terminate with options only', gateway([{ ...https, tls: { options: { 'example.com/cert': 'x' } } }]), undefined],
  // The CRD does not require tls on HTTPS: the listener is reported invalid in status instead.
  ['HTTPS without tls is admitted (a listener condition, not an admission error)', gateway([{ name: 'https', port: 443, protocol: 'HTTPS' }]), undefined],
  ['a hostname on a UDP listener', gateway([{ name: 'udp', port: 53, protocol: 'UDP', hostname: 'a.example.com' }]), /hostname must not be specified for protocol UDP/],
  ['duplicate listener names', gateway([http, { ...http, port: 8080 }]), /listeners\[1\]\.name: listener name must be unique/],
  ['same port, protocol and hostname', gateway([http, { ...http, name: 'other' }]), /listeners\[1\]: combination of port, protocol and hostname must be unique/],
  ['same port and protocol, different hostnames', gateway([{ ...http, hostname: 'a.example.com' }, { ...http, name: 'b', hostname: 'b.example.com' }]), undefined],
  ['a port of 0', gateway([{ ...http, port: 0 }]), /port: must be at least 1/],
  ['a listener name with capitals', gateway([{ ...http, name: 'HTTP' }]), /name: "HTTP" is not a valid section name/],
  ['a domain-prefixed protocol', gateway([{ ...http, protocol: 'example.com/quic' }]), undefined],
  ['a bad protocol', gateway([{ ...http, protocol: 'http 2' }]), /protocol: "http 2" is not a valid protocol/],
  ['allowedRoutes from: None is not a listener option', gateway([{ ...http, allowedRoutes: { namespaces: { from: 'None' } } }]), /from: "None" is not one of "All", "Selector", "Same"/],
  ['duplicate IPAddress values', gateway([http], { addresses: [{ value: '10.0.0.1' }, { type: 'IPAddress', value: '10.0.0.1' }] }), /addresses\[1\]: IPAddress values must be unique/],
  ['a bad Hostname address', gateway([http], { addresses: [{ type: 'Hostname', value: 'Not_A_Host' }] }), /addresses\[0\]\.value: Hostname value must be empty or/],
  ['too many infrastructure labels', gateway([http], { infrastructure: { labels: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`l${i}`, 'v'])) } }), /labels: must have at most 8 entries/],
  ['a bad infrastructure label key', gateway([http], { infrastructure: { labels: { '-bad': 'v' } } }), /labels\["-bad"\]: "-bad" is not a valid key/],
  ['frontend validation without a default', gateway([https], { tls: { frontend: { perPort: [] } } }), /spec\.tls\.frontend\.default: required field is missing/],
  ['frontend perPort ports must be unique', gateway([https], { tls: { frontend: { default: {}, perPort: [443, 443].map((port) => ({ port, tls: {} })) } } }), /perPort\[1\]\.port: port for TLS configuration must be unique/],
];

for (const [name, object, expected] of CASES) {
  test(`Gateway: ${name}`, () => assert.equal(expectCase('Gateway', object, expected), undefined));
}

const listenerSet = (spec: Record<string, unknown>) => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'ListenerSet', metadata: { name: 'ls' }, spec });
test('ListenerSet: valid, and the listener rules apply', () => {
  assert.equal(expectCase('ListenerSet', listenerSet({ parentRef: { name: 'gw' }, listeners: [http] }), undefined), undefined);
  assert.equal(expectCase('ListenerSet', listenerSet({ listeners: [http] }), /spec\.parentRef: required field is missing/), undefined);
  assert.equal(expectCase('ListenerSet', listenerSet({ parentRef: { name: 'gw' }, listeners: [http, http] }), /listener name must be unique/), undefined);
});

const gatewayClass = (spec: Record<string, unknown>) => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'c' }, spec });
test('GatewayClass: controllerName is a domain-prefixed path; description at most 64 characters', () => {
  assert.equal(expectCase('GatewayClass', gatewayClass({ controllerName: 'switchyard.dev/gateway-controller' }), undefined), undefined);
  assert.equal(expectCase('GatewayClass', gatewayClass({ controllerName: 'switchyard' }), /controllerName: "switchyard" is not a valid controller name/), undefined);
  assert.equal(expectCase('GatewayClass', gatewayClass({ controllerName: 'a.io/x', description: 'x'.repeat(65) }), /description: must be at most 64 characters/), undefined);
  assert.equal(expectCase('GatewayClass', gatewayClass({ controllerName: 'a.io/x', parametersRef: { kind: 'Config', name: 'p' } }), /parametersRef\.group: required field is missing/), undefined);
});
