import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResourcePath } from './server.ts';

test('parseResourcePath reads Kubernetes API paths', () => {
  assert.deepEqual(parseResourcePath('/apis/gateway.networking.k8s.io/v1/namespaces/demo/gateways/my-gateway'),
    { kind: 'Gateway', apiVersion: 'gateway.networking.k8s.io/v1', namespace: 'demo', name: 'my-gateway' });
  assert.deepEqual(parseResourcePath('/apis/gateway.networking.k8s.io/v1/gatewayclasses'),
    { kind: 'GatewayClass', apiVersion: 'gateway.networking.k8s.io/v1', namespace: undefined, name: undefined });
  assert.deepEqual(parseResourcePath('/api/v1/namespaces/demo'),
    { kind: 'Namespace', apiVersion: 'v1', namespace: undefined, name: 'demo' });
  assert.deepEqual(parseResourcePath('/api/v1/namespaces/demo/services'),
    { kind: 'Service', apiVersion: 'v1', namespace: 'demo', name: undefined });
  assert.equal(parseResourcePath('/apis/gateway.networking.k8s.io/v9/gateways'), undefined);
  assert.equal(parseResourcePath('/apis/apps/v1/deployments'), undefined);
  assert.equal(parseResourcePath('/api/v1/namespaces/demo/services/a/b'), undefined);
});
