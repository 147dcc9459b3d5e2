// The config stream on its own: PSK authentication per Gateway, snapshots and acks, Programmed only on a ready ack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigStreamServer } from '../../src/controller/index.ts';
import { StreamClient } from '../../src/proxy/stream-client.ts';
import { Backoff } from '../../src/providers/kubernetes/index.ts';
import { silentLogger } from '../../src/observability/index.ts';
import type { Ir } from '../../src/ir/index.ts';
import { waitFor } from '../helpers/wait.ts';

const KEYS: Record<string, Buffer> = { 'demo/a': Buffer.alloc(32, 1), 'demo/b': Buffer.alloc(32, 2) };
const ir = (port: number): Ir => ({ sockets: [{ id: `HTTP/0.0.0.0:${port}`, protocol: 'HTTP', address: '0.0.0.0', port, listeners: [] }], clusters: {} });

async function setup() {
  const server = new ConfigStreamServer({ keyFor: (g) => KEYS[g] ?? null, logger: silentLogger() });
  const { port } = await server.listen('127.0.0.1', 0);
  const abort = new AbortController();
  const client = (gateway: string, key: Buffer, ready = true) => {
    const applied: Ir[] = [];
    const c = new StreamClient({
      host: '127.0.0.1', port, gateway, key, proxy: `proxy-${gateway}`, logger: silentLogger(), backoff: new Backoff(20, 100),
      apply: async (config) => { applied.push(config); return { ready, unavailable: {} }; },
    });
    void c.run(abort.signal);
    return { c, applied };
  };
  return { server, client, close: async () => { abort.abort(); await server.close(); } };
}

test('each proxy gets only its Gateway\'s configuration, and served() follows ready acks', async () => {
  const { server, client, close } = await setup();
  try {
    server.publish('demo/a', ir(80));
    server.publish('demo/b', ir(81));
    const a = client('demo/a', KEYS['demo/a']!);
    const b = client('demo/b', KEYS['demo/b']!, false);
    await waitFor(() => a.applied.length === 1 && b.applied.length === 1, 'both configurations applied');
    assert.equal(a.applied[0]!.sockets[0]!.port, 80);
    assert.equal(b.applied[0]!.sockets[0]!.port, 81);
    await waitFor(() => server.served('demo/a'), 'a served');
    assert.equal(server.served('demo/b'), false, 'a proxy that is not ready does not make its Gateway Programmed');
    const v2 = server.publish('demo/a', ir(82));
    assert.equal(server.served('demo/a'), false, 'a new version is not served until acknowledged');
    await waitFor(() => server.proxies('demo/a')[0]?.version === v2, 'the new version acknowledged');
    assert.equal(server.served('demo/a'), true);
    assert.equal(b.applied.length, 1, 'b never sees a\'s changes');
  } finally {
    await close();
  }
});

test('a proxy with the wrong key, or claiming another Gateway, gets nothing', async () => {
  const { server, client, close } = await setup();
  try {
    server.publish('demo/a', ir(80));
    const wrongKey = client('demo/a', Buffer.alloc(32, 9));
    const otherGateway = client('demo/b', KEYS['demo/a']!);
    const unknown = client('demo/zzz', KEYS['demo/a']!);
    await new Promise((r) => setTimeout(r, 400));
    assert.deepEqual([wrongKey.applied.length, otherGateway.applied.length, unknown.applied.length], [0, 0, 0]);
    assert.equal(wrongKey.c.connections + otherGateway.c.connections + unknown.c.connections, 0);
    assert.deepEqual(server.proxies('demo/a'), []);
  } finally {
    await close();
  }
});
