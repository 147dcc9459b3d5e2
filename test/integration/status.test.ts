// Status writes: only ours, only when changed, other controllers' route parent entries kept, 409 retried.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTROLLER_NAME } from '../../src/api/index.ts';
import { startController } from '../../src/controller/index.ts';
import { KubeClient, StatusWriter, type ApiResource } from '../../src/providers/kubernetes/index.ts';
import { silentLogger } from '../../src/observability/index.ts';
import { FakeApiServer } from '../helpers/fake-apiserver.ts';
import { waitFor } from '../helpers/wait.ts';
import { conditionOf, controllerArgs, seedTutorial, writeKubeconfig } from './fixtures.ts';

const ROUTES: ApiResource = { kind: 'HTTPRoute', group: 'gateway.networking.k8s.io', version: 'v1', plural: 'httproutes', namespaced: true };
const theirs = { parentRef: { name: 'their-gateway' }, controllerName: 'example.com/other', conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted', message: 'theirs', lastTransitionTime: '2024-01-01T00:00:00Z' }] };
const ours = (message: string) => ({ parentRef: { name: 'my-gateway' }, controllerName: CONTROLLER_NAME, conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted', message, lastTransitionTime: '2024-01-01T00:00:00Z' }] });
type Parents = { status?: { parents?: { controllerName: string }[] } };

async function writerFor(api: FakeApiServer) {
  const client = new KubeClient({ server: api.url, source: 'test' });
  const writer = new StatusWriter({ client, logger: silentLogger(), resourceOf: (k) => (k === 'HTTPRoute' ? ROUTES : undefined) });
  return { writer, close: () => client.close() };
}

const route = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'demo' }, spec: { parentRefs: [{ name: 'my-gateway' }] } };
const write = (message: string) => [{ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', namespace: 'demo', name: 'r', status: { parents: [ours(message)] } }];

test('replaces only our parent entries and keeps every other controller\'s', async () => {
  const api = await new FakeApiServer().start();
  const { writer, close } = await writerFor(api);
  try {
    api.put({ ...route, status: { parents: [theirs, ours('stale')] } });
    await writer.write(write('fresh'));
    const parents = (api.get('HTTPRoute', 'demo', 'r') as Parents).status!.parents!;
    assert.deepEqual(parents, [theirs, ours('fresh')]);
    assert.equal(writer.stats.written, 1);
    const patches = api.requests.filter((r) => r.startsWith('PATCH'));
    assert.deepEqual(patches, ['PATCH /apis/gateway.networking.k8s.io/v1/namespaces/demo/httproutes/r/status']);
  } finally {
    close();
    await api.close();
  }
});

test('writes nothing when the status is already as computed', async () => {
  const api = await new FakeApiServer().start();
  const { writer, close } = await writerFor(api);
  try {
    api.put({ ...route, status: { parents: [theirs, ours('same')] } });
    await writer.write(write('same'));
    assert.equal(writer.stats.written, 0);
    assert.equal(writer.stats.unchanged, 1);
    assert.equal(api.requests.filter((r) => !r.startsWith('GET')).length, 0);
  } finally {
    close();
    await api.close();
  }
});

test('on 409 Conflict reads again, so an entry another controller wrote meanwhile survives', async () => {
  const api = await new FakeApiServer().start();
  const { writer, close } = await writerFor(api);
  try {
    api.put({ ...route, status: { parents: [] } });
    const late = { ...theirs, parentRef: { name: 'late' } };
    let injected = false;
    // Another controller writes its entry between our read and our patch.
    api.beforeWrite = (method, path) => {
      if (injected || method !== 'PATCH' || !path.endsWith('/status')) return;
      injected = true;
      const current = api.get('HTTPRoute', 'demo', 'r')!;
      api.put({ ...current, status: { parents: [late] } });
    };
    await writer.write(write('mine'));
    assert.equal(writer.stats.conflicts, 1);
    assert.deepEqual((api.get('HTTPRoute', 'demo', 'r') as Parents).status!.parents, [late, ours('mine')]);
  } finally {
    close();
    await api.close();
  }
});

test('the controller writes status with observedGeneration, and its own writes do not trigger translation', async () => {
  const api = await new FakeApiServer().start();
  seedTutorial(api, 8080);
  const controller = await startController(controllerArgs(writeKubeconfig(api), 'solo'));
  try {
    await controller.started;
    const routeStatus = await waitFor(() => (api.get('HTTPRoute', 'demo', 'my-route') as Parents).status?.parents?.[0], 'the route status', 8_000);
    assert.equal(routeStatus.controllerName, CONTROLLER_NAME);
    const gw = await waitFor(() => conditionOf(api.get('GatewayClass', undefined, 'switchyard'), 'Accepted'), 'the class accepted');
    assert.equal(gw.status, 'True');
    assert.equal((conditionOf(api.get('Gateway', 'demo', 'my-gateway'), 'Accepted') as { observedGeneration?: number }).observedGeneration, 1);
    await new Promise((r) => setTimeout(r, 300));
    await controller.reconciler.idle();
    const cycles = controller.reconciler.cycles;
    const written = controller.writer.stats.written;
    // A status-only change (ours or anyone's) is not an input: no new cycle.
    const gateway = api.get('Gateway', 'demo', 'my-gateway')!;
    api.put({ ...gateway, status: { ...(gateway.status as object), attachedListenerSets: 0 } });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(controller.reconciler.cycles, cycles);
    assert.equal(controller.writer.stats.written, written);
    // A spec change is.
    api.put({ ...gateway, spec: { ...(gateway.spec as object), listeners: [{ name: 'http', port: 8081, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } }] } });
    const bumped = await waitFor(() => {
      const c = conditionOf(api.get('Gateway', 'demo', 'my-gateway'), 'Accepted') as { observedGeneration?: number } | undefined;
      return c?.observedGeneration === 2 && c;
    }, 'observedGeneration 2');
    assert.ok(bumped);
  } finally {
    await controller.stop();
    await api.close();
  }
});
