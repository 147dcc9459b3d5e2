// Backend faults (issue "Edge hardening"): a backend that refuses, resets, hangs, answers garbage or
// leaves the EndpointSlice mid-request gets the right status, leaks no connection, and does not
// disturb healthy endpoints; outlier ejection takes a failing endpoint out of rotation and back.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Ir } from '../../src/ir/index.ts';
import { cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { request, startProxy, type Proxy } from '../../src/dataplane/testing/harness.ts';
import { occupyPort } from '../helpers/ports.ts';
import { waitFor } from '../helpers/wait.ts';

type Behaviour = (socket: net.Socket, path: string) => void;
const OK = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';

interface Backend { readonly server: net.Server; readonly port: number; served: number; connections(): Promise<number> }

async function backend(behave: Behaviour): Promise<Backend> {
  const b = { served: 0 } as Backend & { served: number };
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const path = head.split(' ')[1] ?? '/';
      head = '';
      b.served++;
      behave(socket, path);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(b, {
    server, port: (server.address() as net.AddressInfo).port,
    connections: () => new Promise<number>((r) => server.getConnections((_e, n) => r(n))),
  });
}

const backends: Record<string, Backend> = {};
let refusedPort = 0;
let proxy: Proxy;

function irFor(endpointsOf: Record<string, readonly number[]>): Ir {
  const names = Object.keys(endpointsOf);
  return simpleIr(
    names.map((n) => route({ id: `httproute/default/${n}/rule/0/match/0`, match: { path: { type: 'PathPrefix', value: `/${n}` } }, clusterId: n })),
    names.map((n) => cluster(n, endpointsOf[n]!.map((port) => ({ address: '127.0.0.1', port })))),
    proxy?.port ?? 0, 'HTTP/faults',
  );
}

function baseIr(): Ir {
  return irFor(endpointsOfBase());
}

before(async () => {
  backends.reset = await backend((s, path) => {
    if (path.endsWith('/mid')) s.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial');
    setImmediate(() => s.resetAndDestroy());
  });
  backends.hang = await backend(() => {});
  backends.garbage = await backend((s) => s.write('SPDY/9 what\r\n\r\n'));
  backends.a = await backend((s, path) => setTimeout(() => s.write(OK), path.endsWith('/slow') ? 150 : 0));
  backends.b = await backend((s) => s.write(OK));
  backends.good = await backend((s) => s.write(OK));
  backends.bad = await backend((s) => s.write('HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n'));
  const closed = await occupyPort();
  refusedPort = closed.port;
  await closed.close();
  proxy = await startProxy(baseIr(), {
    timeouts: { routeMs: 300 },
    outlier: { consecutiveFailures: 3, baseEjectionMs: 400, maxEjectionMs: 1_000, maxEjectionPercent: 50 },
  });
});

after(async () => {
  await proxy.close();
  await Promise.all(Object.values(backends).map((b) => new Promise((r) => b.server.close(r))));
});

const status = async (path: string) => (await request(proxy.port, { path })).status;

describe('faults: status per failure', () => {
  it('502 when the backend refuses the connection', async () => assert.equal(await status('/refused'), 502));
  it('502 when the backend resets before answering', async () => assert.equal(await status('/reset'), 502));
  it('a reset mid-response cuts the client connection (the head was already sent)', async () => {
    await assert.rejects(request(proxy.port, { path: '/reset/mid' }), /aborted|ECONNRESET|socket hang up/);
  });
  it('504 when the backend accepts and never answers', async () => assert.equal(await status('/hang'), 504));
  it('502 when the backend answers garbage', async () => assert.equal(await status('/garbage'), 502));
  it('faulty backends hold no connection afterwards', async () => {
    for (const name of ['reset', 'hang', 'garbage']) await waitFor(async () => (await backends[name]!.connections()) === 0, `${name}: connections closed`);
  });
});

describe('faults: endpoints leaving the EndpointSlice', () => {
  it('requests in flight on a removed endpoint finish; new ones go to the endpoints left; none left → 503', async () => {
    const before = backends.a!.served + backends.b!.served;
    const inFlight = Array.from({ length: 6 }, () => request(proxy.port, { path: '/pool/slow' }));
    // Every request must have reached its endpoint before the apply: one still on its way to `a`
    // would otherwise count as a new request to the removed endpoint.
    await waitFor(() => backends.a!.served + backends.b!.served - before === 6, 'all six slow requests at their endpoints');
    assert.ok(backends.a!.served > 0, 'some slow requests are on endpoint a');
    const servedByA = backends.a!.served;
    await proxy.dataPlane.apply(irFor({ ...endpointsOfBase(), pool: [backends.b!.port] }));
    const finished = await Promise.all(inFlight);
    assert.deepEqual(finished.map((r) => r.status), Array(6).fill(200));
    for (let i = 0; i < 10; i++) assert.equal(await status('/pool'), 200);
    assert.equal(backends.a!.served, servedByA, 'the removed endpoint gets no new request');
    await proxy.dataPlane.apply(irFor({ ...endpointsOfBase(), pool: [] }));
    assert.equal(await status('/pool'), 503);
    await waitFor(async () => (await backends.a!.connections()) === 0, 'the removed endpoint\'s connections closed');
    await proxy.dataPlane.apply(baseIr());
  });
});

describe('passive health: outlier ejection', () => {
  it('an endpoint answering 5xx is ejected, healthy ones keep serving, and it comes back after the ejection time', async () => {
    let failures = 0;
    for (let i = 0; i < 12; i++) if ((await status('/flaky')) === 500) failures++;
    assert.ok(failures >= 3 && failures <= 6, `${failures} failures before ejection`);
    const badBefore = backends.bad!.served;
    for (let i = 0; i < 10; i++) assert.equal(await status('/flaky'), 200);
    assert.equal(backends.bad!.served, badBefore, 'the ejected endpoint gets nothing');
    await new Promise((r) => setTimeout(r, 450));
    for (let i = 0; i < 6; i++) await status('/flaky');
    assert.ok(backends.bad!.served > badBefore, 'back in rotation after the ejection time');
  });

  it('the proxy holds no client connection once clients are gone', async () => {
    await waitFor(() => proxy.dataPlane.connectionStats().open === 0, 'client connections released');
  });
});

function endpointsOfBase(): Record<string, readonly number[]> {
  return {
    refused: [refusedPort], reset: [backends.reset!.port], hang: [backends.hang!.port], garbage: [backends.garbage!.port],
    pool: [backends.a!.port, backends.b!.port], flaky: [backends.good!.port, backends.bad!.port], healthy: [backends.good!.port],
  };
}
