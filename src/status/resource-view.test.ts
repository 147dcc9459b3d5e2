import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/index.ts';
import { ResourceView } from './resource-view.ts';

const route = (status?: unknown): KubeObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute',
  metadata: { name: 'r', namespace: 'demo', creationTimestamp: '1970-01-01T00:00:00Z' },
  spec: {}, ...(status !== undefined && { status }),
});

test('serves computed status and keeps other controllers\' parent entries', () => {
  const view = new ResourceView('switchyard.dev/gateway-controller');
  const theirs = { controllerName: 'example.com/other', parentRef: { name: 'x' }, conditions: [] };
  const ours = { controllerName: 'switchyard.dev/gateway-controller', parentRef: { name: 'gw' }, conditions: [] };
  view.publish([route({ parents: [theirs, { ...ours, conditions: [{ type: 'stale' }] }] })],
    [{ key: 'HTTPRoute/demo/r', apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', namespace: 'demo', name: 'r', generation: 1, status: { parents: [ours] } }]);
  const served = view.get('HTTPRoute', 'demo', 'r')!;
  assert.deepEqual((served.status as { parents: unknown[] }).parents, [theirs, ours]);
  assert.equal(view.list('HTTPRoute').length, 1);
  assert.equal(view.list('HTTPRoute', 'other').length, 0);
  assert.deepEqual(view.previousStatuses().get('HTTPRoute/demo/r'), { parents: [ours] });
});

test('shows when a standalone object was first loaded, and keeps that time across publishes', async () => {
  const view = new ResourceView();
  view.publish([route()], []);
  const first = view.get('HTTPRoute', 'demo', 'r')!.metadata.creationTimestamp!;
  assert.ok(Date.parse(first) > Date.parse('2020-01-01T00:00:00Z'));
  await new Promise((r) => setTimeout(r, 1100));
  view.publish([route()], []);
  assert.equal(view.get('HTTPRoute', 'demo', 'r')!.metadata.creationTimestamp, first);
});
