import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { it } from 'node:test';
import type { EndpointPool } from './endpoint-pool.ts';
import { PoolRegistry } from './pool-registry.ts';
import type { UpstreamListener } from './upstream-connection.ts';

const OPTIONS = { idleTimeoutMs: 5_000, maxSockets: Infinity };

it('hands back the same pool for an unchanged cluster endpoint and drains the removed ones', () => {
  const registry = new PoolRegistry(OPTIONS);
  const g1 = registry.begin();
  const kept = g1.acquire('c', { address: '127.0.0.1', port: 1 });
  const dropped = g1.acquire('c', { address: '127.0.0.1', port: 2 });
  g1.commit();
  const g2 = registry.begin();
  assert.equal(g2.acquire('c', { address: '127.0.0.1', port: 1 }), kept);
  assert.notEqual(g2.acquire('other', { address: '127.0.0.1', port: 1 }), kept, 'pools are per cluster');
  g2.commit();
  assert.equal(dropped.closing, true);
  assert.equal(kept.closing, false);
  assert.equal(registry.size, 2);
  registry.destroyAll();
});

it('a draining pool closes its idle connections and does not pool busy ones when they finish', async () => {
  let open = 0;
  const server = http.createServer((_req, res) => res.end('x'));
  server.on('connection', (s) => { open++; s.once('close', () => open--); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const registry = new PoolRegistry(OPTIONS);
  const g = registry.begin();
  const pool = g.acquire('c', { address: '127.0.0.1', port });
  g.commit();
  const get = () => getThrough(pool);
  await get();
  assert.equal(open, 1, 'the idle keep-alive connection stays open');
  pool.close();
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(open, 0, 'draining closed the idle connection');
  await get();
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(open, 0, 'a connection used while draining is closed after its response');
  await new Promise((r) => server.close(r));
});

/** One GET through a pool connection, resolved when the response has ended. */
function getThrough(pool: EndpointPool): Promise<void> {
  return new Promise((resolve, reject) => {
    const listener: UpstreamListener = {
      onUpstreamContinue() {},
      onUpstreamHead() {},
      onUpstreamData: () => true,
      onUpstreamEnd: () => resolve(),
      onUpstreamError: (e) => reject(new Error(e.code)),
      onUpstreamDrain() {},
      onUpstreamUpgrade() {},
    };
    pool.acquire({ onConnection: (conn) => conn.send(listener, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', 'GET', 'none') });
  });
}
