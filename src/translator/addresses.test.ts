import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Gateway } from '../api/index.ts';
import { canonicalIp, resolveGatewayAddresses } from './addresses.ts';

test('canonicalIp: IPv4 as given, IPv6 in RFC 5952 form, anything else null', () => {
  assert.equal(canonicalIp('192.168.0.1'), '192.168.0.1');
  assert.equal(canonicalIp('0:0:0:0:0:0:0:1'), '::1');
  assert.equal(canonicalIp('2001:DB8:0:0:1:0:0:1'), '2001:db8::1:0:0:1');
  assert.equal(canonicalIp('2001:db8:0:1:1:1:1:1'), '2001:db8:0:1:1:1:1:1', 'a single zero group is not compressed');
  assert.equal(canonicalIp('::'), '::');
  assert.equal(canonicalIp('::ffff:10.0.0.1'), '::ffff:a00:1');
  for (const bad of ['256.1.1.1', '01.2.3.4', '1.2.3', 'example.com', '1::2::3', '1:2:3:4:5:6:7:8:9', 'fe80::1%eth0', '']) {
    assert.equal(canonicalIp(bad), null, bad);
  }
});

const gateway = (addresses?: Gateway['spec']['addresses']): Gateway => ({
  apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'g', namespace: 'ns' },
  spec: { gatewayClassName: 'c', listeners: [], ...(addresses ? { addresses } : {}) },
});
const options = { controllerName: 'x', now: 'now', defaultAddresses: ['127.0.0.1'], usableAddresses: (ip: string) => ip.startsWith('127.') };

test('resolveGatewayAddresses: defaults, empty values, unusable and unsupported addresses', () => {
  assert.deepEqual(resolveGatewayAddresses(gateway(), options), { bound: ['127.0.0.1'], unsupported: null, notUsable: null });
  assert.deepEqual(resolveGatewayAddresses(gateway([{ type: 'IPAddress' }, { value: '127.0.0.1' }]), options).bound, ['127.0.0.1'], 'deduplicated');
  const mixed = resolveGatewayAddresses(gateway([{ value: '10.0.0.1' }, { value: '127.0.0.2' }]), options);
  assert.deepEqual(mixed.bound, ['127.0.0.2']);
  assert.match(mixed.notUsable ?? '', /10\.0\.0\.1/);
  const hostname = resolveGatewayAddresses(gateway([{ type: 'Hostname', value: 'example.com' }]), options);
  assert.match(hostname.unsupported ?? '', /Hostname/);
  assert.deepEqual(resolveGatewayAddresses(gateway(), { ...options, defaultAddresses: [] }).bound, [], 'nothing to assign');
  const { usableAddresses: _predicate, ...anyUsable } = options;
  assert.deepEqual(resolveGatewayAddresses(gateway([{ value: '10.0.0.1' }]), anyUsable).bound, ['10.0.0.1'], 'without a predicate any IP is usable');
});

test('resolveGatewayAddresses: an address the data plane could not bind for want of an interface is not usable', () => {
  const { usableAddresses: _predicate, ...anyUsable } = options;
  const unavailableSockets = new Map([
    ['HTTP/192.0.2.1:8080', 'listen EADDRNOTAVAIL: address not available 192.0.2.1:8080'],
    ['HTTP/2001:db8::1:8080', 'listen EADDRNOTAVAIL: address not available 2001:db8::1:8080'],
    ['HTTP/127.0.0.3:80', 'listen EADDRINUSE: address already in use 127.0.0.3:80'],
  ]);
  const result = resolveGatewayAddresses(gateway([{ value: '192.0.2.1' }, { value: '2001:db8::1' }, { value: '127.0.0.2' }, { value: '127.0.0.3' }]), { ...anyUsable, unavailableSockets });
  assert.deepEqual(result.bound, ['127.0.0.2', '127.0.0.3'], 'a port in use is a listener problem (PortUnavailable), not an unusable address');
  assert.match(result.notUsable ?? '', /192\.0\.2\.1 is not an address of this host/);
  assert.match(result.notUsable ?? '', /2001:db8::1 is not an address of this host/);
  assert.equal(result.unsupported, null);
});
