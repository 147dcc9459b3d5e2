// RequestMirror through real sockets: the mirror sees the filtered request and its body, percent
// mirrors a share, and a mirror that never reads cannot slow or fail the original request.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startEcho, type EchoServer } from '../../src/cli/echo.ts';
import { cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { request, requestJson, startProxy, type Proxy } from '../../src/dataplane/testing/harness.ts';
import { waitFor } from '../helpers/wait.ts';

interface Seen { method: string; url: string; host: string; header: string | undefined; body: number }

let echo: EchoServer;
let mirror: http.Server;
let stuck: net.Server;
const seen: Seen[] = [];
let proxy: Proxy;

before(async () => {
  echo = await startEcho({ listen: '127.0.0.1:0', name: 'primary' });
  mirror = http.createServer((req, res) => {
    let body = 0;
    req.on('data', (c: Buffer) => { body += c.length; });
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, host: req.headers.host!, header: req.headers['x-filtered'] as string | undefined, body });
      res.end('ignored');
    });
  });
  await new Promise<void>((r) => mirror.listen(0, '127.0.0.1', r));
  // Accepts connections and never reads them: a mirror backend that applies backpressure.
  stuck = net.createServer((s) => s.pause());
  await new Promise<void>((r) => stuck.listen(0, '127.0.0.1', r));
  const port = (s: net.Server) => (s.address() as net.AddressInfo).port;
  const prefix = (value: string) => ({ path: { type: 'PathPrefix' as const, value } });
  const setHeader = { type: 'RequestHeaderModifier' as const, set: [{ name: 'X-Filtered', value: 'yes' }], add: [], remove: [] };
  proxy = await startProxy(simpleIr([
    route({ match: prefix('/mirror'), clusterId: 'echo', filters: [setHeader, { type: 'RequestMirror', clusterId: 'mirror', percent: 100 }] }),
    route({ match: prefix('/two'), clusterId: 'echo', filters: [{ type: 'RequestMirror', clusterId: 'mirror', percent: 100 }, { type: 'RequestMirror', clusterId: 'mirror', percent: 100 }] }),
    route({ match: prefix('/some'), clusterId: 'echo', filters: [{ type: 'RequestMirror', clusterId: 'mirror', percent: 30 }] }),
    route({ match: prefix('/stuck'), clusterId: 'echo', filters: [{ type: 'RequestMirror', clusterId: 'stuck', percent: 100 }] }),
    route({ match: prefix('/unresolved'), clusterId: 'echo', filters: [{ type: 'RequestMirror', clusterId: null, percent: 100 }] }),
  ], [
    cluster('echo', [{ address: '127.0.0.1', port: echo.port }]),
    cluster('mirror', [{ address: '127.0.0.1', port: port(mirror) }]),
    cluster('stuck', [{ address: '127.0.0.1', port: port(stuck) }]),
  ]));
});

after(async () => {
  await proxy.close();
  await echo.close();
  mirror.closeAllConnections();
  await new Promise((r) => mirror.close(r));
  await new Promise((r) => stuck.close(r));
});

describe('RequestMirror', () => {
  it('the mirror gets the filtered request with its body and the same Host; the client gets the primary answer', async () => {
    seen.length = 0;
    const { status, json } = await requestJson(proxy.port, { method: 'POST', path: '/mirror/a?q=1', headers: { host: 'app.example' }, body: 'x'.repeat(5000) });
    assert.equal(status, 200);
    assert.equal(json.name, 'primary');
    await waitFor(() => seen.length === 1, 'the mirrored request');
    assert.deepEqual(seen[0], { method: 'POST', url: '/mirror/a?q=1', host: 'app.example', header: 'yes', body: 5000 });
  });
  it('each of several mirrors gets its copy', async () => {
    seen.length = 0;
    await request(proxy.port, { path: '/two' });
    await waitFor(() => seen.length === 2, 'two mirrored requests');
  });
  it('percent mirrors about that share of requests', async () => {
    seen.length = 0;
    for (let i = 0; i < 200; i++) await request(proxy.port, { path: '/some' });
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(seen.length > 30 && seen.length < 90, `${seen.length} of 200 mirrored at 30%`);
  });
  it('a mirror that never reads does not slow the request: a large body still goes through', async () => {
    const started = performance.now();
    const res = await request(proxy.port, { method: 'POST', path: '/stuck', body: Buffer.alloc(8 * 1024 * 1024, 1) });
    assert.equal(res.status, 200);
    assert.ok(performance.now() - started < 5_000);
  });
  it('an unresolved mirror mirrors nothing and the request is served', async () => {
    assert.equal((await request(proxy.port, { path: '/unresolved' })).status, 200);
  });
});
