// Backend selection and failure codes: weighted split, round-robin, keep-alive reuse, and the
// 500/502/503/504 answers for unresolved, refused, empty and slow backends.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startEcho, type EchoServer } from '../../src/cli/echo.ts';
import { backend, cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { request, requestJson, startProxy, type Proxy } from '../../src/dataplane/testing/harness.ts';
import { freePort } from '../helpers/ports.ts';

let a: EchoServer;
let b: EchoServer;
let proxy: Proxy;

before(async () => {
  a = await startEcho({ listen: '127.0.0.1:0', name: 'a' });
  b = await startEcho({ listen: '127.0.0.1:0', name: 'b' });
  const refused = await freePort();
  const exact = (value: string) => ({ path: { type: 'Exact' as const, value } });
  proxy = await startProxy(simpleIr([
    route({ match: exact('/split'), backends: [backend('a', 80), backend('b', 20), backend('b', 0)] }),
    route({ match: exact('/rr'), clusterId: 'both' }),
    route({ match: exact('/one'), clusterId: 'a' }),
    route({ match: exact('/unresolved'), clusterId: null }),
    route({ match: exact('/none') }),
    route({ match: exact('/zero'), backends: [backend('a', 0)] }),
    route({ match: exact('/refused'), clusterId: 'refused' }),
    route({ match: exact('/empty'), clusterId: 'empty' }),
    route({ match: exact('/slow'), clusterId: 'a', timeouts: { backendRequestMs: 200 } }),
    route({ match: exact('/slow-request'), clusterId: 'a', timeouts: { requestMs: 200 } }),
    route({ match: exact('/missing-cluster'), clusterId: 'not-in-ir' }),
  ], [
    cluster('a', [{ address: '127.0.0.1', port: a.port }]),
    cluster('b', [{ address: '127.0.0.1', port: b.port }]),
    cluster('both', [{ address: '127.0.0.1', port: a.port }, { address: '127.0.0.1', port: b.port }]),
    cluster('refused', [{ address: '127.0.0.1', port: refused }]),
    cluster('empty', []),
  ]));
});

after(async () => {
  await proxy.close();
  await a.close();
  await b.close();
});

describe('backend selection', () => {
  it('splits 80/20 by weight and never picks weight 0', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const counts: Record<string, number> = { a: 0, b: 0 };
    const batch = async () => {
      for (let i = 0; i < 100; i++) counts[(await requestJson(proxy.port, { path: '/split', agent })).json.name]! += 1;
    };
    await Promise.all(Array.from({ length: 10 }, batch));
    agent.destroy();
    assert.equal(counts.a! + counts.b!, 1000);
    // 4 standard deviations of a binomial(1000, 0.8) is ~51: this bound fails by chance < 1e-4.
    assert.ok(Math.abs(counts.a! - 800) < 55, `a got ${counts.a} of 1000`);
  });

  it('round-robins across the endpoints of a cluster', async () => {
    const names = [];
    for (let i = 0; i < 6; i++) names.push((await requestJson(proxy.port, { path: '/rr' })).json.name);
    assert.equal(names.filter((n) => n === 'a').length, 3);
  });

  it('reuses one keep-alive connection for sequential requests', async () => {
    const seen = new Set<number>();
    for (let i = 0; i < 20; i++) seen.add((await requestJson(proxy.port, { path: '/one' })).json.connection);
    assert.equal(seen.size, 1);
  });
});

describe('failure answers', () => {
  const statusOf = async (path: string) => (await request(proxy.port, { path })).status;
  it('500 for an unresolved backendRef, no backends, all weights 0, or an unknown cluster', async () => {
    assert.equal(await statusOf('/unresolved'), 500);
    assert.equal(await statusOf('/none'), 500);
    assert.equal(await statusOf('/zero'), 500);
    assert.equal(await statusOf('/missing-cluster'), 500);
  });
  it('502 when the backend refuses the connection', async () => assert.equal(await statusOf('/refused'), 502));
  it('503 when the cluster has no endpoints', async () => assert.equal(await statusOf('/empty'), 503));
  it('504 when the backend is slower than the route timeout', async () => {
    const started = Date.now();
    assert.equal((await request(proxy.port, { path: '/slow?delayMs=2000' })).status, 504);
    assert.equal((await request(proxy.port, { path: '/slow-request?delayMs=2000' })).status, 504);
    assert.ok(Date.now() - started < 1500);
  });
  it('404 when nothing matches', async () => assert.equal(await statusOf('/nothing-here'), 404));
});
