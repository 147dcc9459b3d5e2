// Retries through real sockets: codes, attempts, connection errors, backend timeouts within the
// request timeout, and bodies replayed only when small enough.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { IrHttpRoute, IrRetry } from '../../src/ir/index.ts';
import { cluster, route, simpleIr, type RouteSpec } from '../../src/dataplane/testing/ir-builder.ts';
import { request, startProxy, type Proxy } from '../../src/dataplane/testing/harness.ts';
import { occupyPort } from '../helpers/ports.ts';

/** Fails the first `?fail=N` requests of each `?id=` with `?code=` (or delays them with `?slow=ms`), then answers 200 with the body length. */
const counts = new Map<string, number>();
let flaky: http.Server;
let proxy: Proxy;

const retrying = (spec: RouteSpec, retry: IrRetry): IrHttpRoute => ({ ...route(spec), retry });

before(async () => {
  flaky = http.createServer((req, res) => {
    let body = 0;
    req.on('data', (c: Buffer) => { body += c.length; });
    req.on('end', () => {
      const q = new URL(req.url!, 'http://x').searchParams;
      const n = (counts.get(q.get('id')!) ?? 0) + 1;
      counts.set(q.get('id')!, n);
      const failing = n <= Number(q.get('fail') ?? 0);
      if (failing && q.has('slow')) return void setTimeout(() => res.end('late'), Number(q.get('slow')));
      res.statusCode = failing ? Number(q.get('code') ?? 500) : 200;
      res.end(`attempt ${n} body ${body}`);
    });
  });
  await new Promise<void>((r) => flaky.listen(0, '127.0.0.1', r));
  const dead = await occupyPort();
  const deadPort = dead.port;
  await dead.close(); // nothing listens there: connection refused
  const prefix = (value: string) => ({ path: { type: 'PathPrefix' as const, value } });
  proxy = await startProxy(simpleIr([
    retrying({ match: prefix('/codes'), clusterId: 'flaky' }, { codes: [500, 503], attempts: 2, backoffMs: 5 }),
    retrying({ match: prefix('/slow'), clusterId: 'flaky', timeouts: { backendRequestMs: 100, requestMs: 1_000 } }, { codes: [], attempts: 2, backoffMs: 1 }),
    retrying({ match: prefix('/bounded'), clusterId: 'flaky', timeouts: { backendRequestMs: 100, requestMs: 250 } }, { codes: [], attempts: 10, backoffMs: 1 }),
    retrying({ match: prefix('/refused'), clusterId: 'mixed' }, { codes: [], attempts: 3, backoffMs: 1 }),
    route({ match: prefix('/none'), clusterId: 'flaky' }),
  ], [
    cluster('flaky', [{ address: '127.0.0.1', port: (flaky.address() as { port: number }).port }]),
    cluster('mixed', [{ address: '127.0.0.1', port: deadPort }, { address: '127.0.0.1', port: (flaky.address() as { port: number }).port }]),
  ]));
});

after(async () => {
  await proxy.close();
  flaky.closeAllConnections();
  await new Promise((r) => flaky.close(r));
});

let id = 0;
const path = (base: string, q: string) => `${base}?id=${++id}&${q}`;

describe('retry', () => {
  it('a listed code is retried until it succeeds within the attempts', async () => {
    const res = await request(proxy.port, { path: path('/codes', 'fail=2&code=503') });
    assert.equal(res.status, 200);
    assert.equal(res.body, 'attempt 3 body 0');
  });
  it('past the attempts the last answer is passed on; an unlisted code is not retried', async () => {
    assert.equal((await request(proxy.port, { path: path('/codes', 'fail=3&code=500') })).status, 500);
    const unlisted = await request(proxy.port, { path: path('/codes', 'fail=1&code=502') });
    assert.equal(unlisted.status, 502);
    assert.equal(unlisted.body, 'attempt 1 body 0');
  });
  it('without a policy nothing is retried', async () => {
    assert.equal((await request(proxy.port, { path: path('/none', 'fail=1&code=500') })).status, 500);
  });
  it('a small body is replayed to the next attempt', async () => {
    const res = await request(proxy.port, { method: 'POST', path: path('/codes', 'fail=1&code=500'), body: 'x'.repeat(10_000) });
    assert.equal(res.body, 'attempt 2 body 10000');
  });
  it('a body larger than the replay bound is not retried', async () => {
    const res = await request(proxy.port, { method: 'POST', path: path('/codes', 'fail=1&code=500'), body: Buffer.alloc(200_000) });
    assert.equal(res.status, 500);
  });
  it('an attempt past backendRequest is retried', async () => {
    const res = await request(proxy.port, { path: path('/slow', 'fail=1&slow=500') });
    assert.equal(res.status, 200);
    assert.equal(res.body, 'attempt 2 body 0');
  });
  it('the request timeout bounds every attempt together', async () => {
    const started = performance.now();
    const res = await request(proxy.port, { path: path('/bounded', 'fail=100&slow=500') });
    assert.equal(res.status, 504);
    assert.ok(performance.now() - started < 600);
  });
  it('a refused connection is retried on another endpoint', async () => {
    for (let i = 0; i < 4; i++) assert.equal((await request(proxy.port, { path: path('/refused', '') })).status, 200);
  });
});
