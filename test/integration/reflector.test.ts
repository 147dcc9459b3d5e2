import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeClient, Reflector, Backoff, type ApiResource } from '../../src/providers/kubernetes/index.ts';
import { silentLogger } from '../../src/observability/index.ts';
import { FakeApiServer } from '../helpers/fake-apiserver.ts';
import { waitFor } from '../helpers/wait.ts';

const SERVICES: ApiResource = { kind: 'Service', group: '', version: 'v1', plural: 'services', namespaced: true };
const svc = (name: string, port = 80) => ({ kind: 'Service', metadata: { name, namespace: 'demo' }, spec: { ports: [{ port }] } });

async function setup() {
  const api = await new FakeApiServer().start();
  const client = new KubeClient({ server: api.url, source: 'test', token: () => 't' });
  const events: string[] = [];
  const reflector = new Reflector(client, SERVICES, {
    logger: silentLogger(), pageSize: 2, backoff: new Backoff(10, 50),
    onChange: (type, o) => events.push(`${type} ${o.metadata.name}`),
  });
  const abort = new AbortController();
  const done = reflector.run(abort.signal);
  const stop = async () => { abort.abort(); await done; client.close(); await api.close(); };
  return { api, reflector, events, stop };
}

test('lists in pages, then watches from the list resourceVersion', async () => {
  {
    const { api, reflector, events, stop } = await setup();
    try {
      await reflector.synced;
      assert.deepEqual(events, []);
      for (const n of ['a', 'b', 'c']) api.put(svc(n));
      await waitFor(() => events.length === 3, 'three ADDED events');
      assert.deepEqual(events, ['ADDED a', 'ADDED b', 'ADDED c']);
      api.put(svc('b', 81));
      api.remove('Service', 'demo', 'a');
      await waitFor(() => events.length === 5, 'MODIFIED and DELETED');
      assert.deepEqual(events.slice(3), ['MODIFIED b', 'DELETED a']);
      assert.deepEqual(reflector.objects().map((o) => o.metadata.name).sort(), ['b', 'c']);
      assert.equal(reflector.objects()[0]!.apiVersion, 'v1');
    } finally {
      await stop();
    }
  }
});

test('resumes a watch that ended without relisting, and misses nothing written meanwhile', async () => {
  const { api, reflector, events, stop } = await setup();
  try {
    api.put(svc('x'));
    await reflector.synced;
    await waitFor(() => api.watcherCount() === 1, 'the watch');
    api.bookmark();
    await waitFor(() => reflector.stats.bookmarks === 1, 'a bookmark');
    api.endWatches();
    api.put(svc('y'));
    await waitFor(() => events.includes('ADDED y'), 'the event written while no watch was open');
    assert.equal(reflector.stats.lists, 1);
    assert.ok(reflector.stats.watches >= 2);
  } finally {
    await stop();
  }
});

test('relists on 410 Gone and reports deletions that happened in the gap', async () => {
  const { api, reflector, events, stop } = await setup();
  try {
    api.put(svc('keep'));
    api.put(svc('gone'));
    await reflector.synced;
    await waitFor(() => api.watcherCount() === 1, 'the watch');
    api.endWatches();
    api.remove('Service', 'demo', 'gone');
    api.put(svc('new'));
    api.compact();
    await waitFor(() => reflector.stats.gone === 1 && reflector.stats.lists === 2, 'a relist after 410');
    await waitFor(() => events.includes('DELETED gone') && events.includes('ADDED new'), 'the gap reconciled');
    assert.deepEqual(reflector.objects().map((o) => o.metadata.name).sort(), ['keep', 'new']);
  } finally {
    await stop();
  }
});

test('keeps retrying with backoff while the API server is unreachable', async () => {
  const api = await new FakeApiServer().start();
  const url = api.url;
  await api.close();
  const client = new KubeClient({ server: url, source: 'test' });
  const reflector = new Reflector(client, SERVICES, { logger: silentLogger(), backoff: new Backoff(10, 40), onChange: () => {} });
  const abort = new AbortController();
  const done = reflector.run(abort.signal);
  await waitFor(() => reflector.stats.errors >= 3, 'retries');
  abort.abort();
  await done;
  client.close();
});
