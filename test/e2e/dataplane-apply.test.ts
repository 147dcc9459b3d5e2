// Atomic configuration changes: routes change on a live socket under load with no failed request,
// kept sockets are never closed, removed ones are, bind failures are reported per socket, upstream
// pools survive applies, and requests in flight finish on the config they started with.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startEcho, type EchoServer } from '../../src/cli/echo.ts';
import { DataPlane } from '../../src/dataplane/index.ts';
import { cluster, httpSocket, listener, route, vhost } from '../../src/dataplane/testing/ir-builder.ts';
import { request } from '../../src/dataplane/testing/harness.ts';
import type { Ir, IrHttpRoute } from '../../src/ir/index.ts';
import { occupyPort } from '../helpers/ports.ts';
import { waitFor } from '../helpers/wait.ts';

let echo: EchoServer;
before(async () => { echo = await startEcho({ listen: '127.0.0.1:0', name: 'e' }); });
after(async () => { await echo.close(); });

const exact = (value: string) => ({ path: { type: 'Exact' as const, value } });
const irWith = (routes: IrHttpRoute[], sockets: { id: string; port: number }[] = [{ id: 'HTTP/main', port: 0 }]): Ir => ({
  sockets: sockets.map((s) => httpSocket([listener('http', null, [vhost('*', routes)])], s.port, '127.0.0.1', s.id)),
  clusters: { e: cluster('e', [{ address: '127.0.0.1', port: echo.port }]) },
});
const portOf = (dp: DataPlane, id = 'HTTP/main') => dp.addresses().get(id)!.port;

describe('apply', () => {
  it('changes routes under load with no failed request and no closed client connection', async () => {
    const dp = new DataPlane();
    await dp.apply(irWith([route({ match: exact('/stable'), clusterId: 'e' })]));
    const port = portOf(dp);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const connectionsBefore = echo.connections();
    let clientSockets = 0;
    agent.on('free', () => {});
    const failures: string[] = [];
    let ok = 0;
    let running = true;
    const load = async () => {
      while (running) {
        try {
          const res = await request(port, { path: '/stable', agent });
          if (res.status === 200) ok++;
          else failures.push(`status ${res.status}`);
        } catch (err) {
          failures.push(String(err));
        }
      }
    };
    const origCreate = agent.createConnection.bind(agent);
    agent.createConnection = ((...args: Parameters<typeof origCreate>) => { clientSockets++; return origCreate(...args); }) as typeof agent.createConnection;
    const loaders = Array.from({ length: 4 }, load);
    for (let i = 0; i < 40; i++) {
      const routes = [route({ match: exact(`/extra-${i}`), clusterId: 'e' }), route({ match: exact('/stable'), clusterId: 'e' })];
      const result = await dp.apply(irWith(i % 2 === 0 ? routes : routes.reverse()));
      assert.equal(result.size, 0);
      assert.equal(portOf(dp), port, 'the socket keeps its port: it was never re-bound');
      // New requests see the new routes at once; the previous dynamic route is gone.
      assert.equal((await request(port, { path: `/extra-${i}` })).status, 200);
      if (i > 0) assert.equal((await request(port, { path: `/extra-${i - 1}` })).status, 404);
    }
    running = false;
    await Promise.all(loaders);
    agent.destroy();
    await dp.close(1_000);
    assert.deepEqual(failures, []);
    assert.ok(ok > 40, `only ${ok} requests completed`);
    assert.ok(clientSockets <= 4, `client needed ${clientSockets} connections: some were closed`);
    // Same cluster and endpoint in every IR: the upstream pool (and its connections) was reused.
    assert.ok(echo.connections() - connectionsBefore <= 6, `${echo.connections() - connectionsBefore} new backend connections`);
  });

  it('lets a request in flight finish on the config it started with', async () => {
    const dp = new DataPlane();
    await dp.apply(irWith([route({ match: exact('/slow'), clusterId: 'e' })]));
    const port = portOf(dp);
    const slow = request(port, { path: '/slow?delayMs=300' });
    await new Promise((r) => setTimeout(r, 50));
    await dp.apply(irWith([]));
    assert.equal((await slow).status, 200);
    assert.equal((await request(port, { path: '/slow' })).status, 404);
    await dp.close(1_000);
  });

  it('closes sockets that left the IR and keeps the others', async () => {
    const dp = new DataPlane();
    const two = [{ id: 'HTTP/a', port: 0 }, { id: 'HTTP/b', port: 0 }];
    await dp.apply(irWith([route({ clusterId: 'e' })], two));
    const [a, b] = [portOf(dp, 'HTTP/a'), portOf(dp, 'HTTP/b')];
    const held = net.connect(a, '127.0.0.1');
    await new Promise((r) => held.once('connect', r));
    await dp.apply(irWith([route({ clusterId: 'e' })], [two[0]!]));
    assert.equal(portOf(dp, 'HTTP/a'), a);
    assert.equal(held.destroyed, false);
    await waitFor(async () => (await request(b).then(() => false, () => true)), 'socket b to stop accepting');
    assert.equal((await request(a)).status, 200);
    held.destroy();
    await dp.close(1_000);
  });

  it('reports sockets it could not bind, serves the rest, and retries on the next apply', async () => {
    const busy = await occupyPort();
    const dp = new DataPlane();
    const sockets = [{ id: 'HTTP/busy', port: busy.port }, { id: 'HTTP/free', port: 0 }];
    const result = await dp.apply(irWith([route({ clusterId: 'e' })], sockets));
    assert.deepEqual([...result.keys()], ['HTTP/busy']);
    assert.match(result.get('HTTP/busy')!, /EADDRINUSE/);
    assert.equal(result.sockets.find((s) => s.id === 'HTTP/busy')?.error?.code, 'EADDRINUSE');
    assert.equal(result.sockets.find((s) => s.id === 'HTTP/free')?.state, 'listening');
    await busy.close();
    const retry = await dp.apply(irWith([route({ clusterId: 'e' })], sockets));
    assert.equal(retry.size, 0);
    assert.equal((await request(busy.port)).status, 200);
    await dp.close(1_000);
  });

  it('binds TCP sockets next to HTTP ones in one apply', async () => {
    const dp = new DataPlane();
    try {
      const ir = irWith([]);
      const result = await dp.apply({ ...ir, sockets: [...ir.sockets, { id: 'TCP/127.0.0.1:0', protocol: 'TCP', address: '127.0.0.1', port: 0, listeners: [] }] });
      assert.equal(result.size, 0);
      assert.equal(result.sockets.find((s) => s.id === 'TCP/127.0.0.1:0')?.state, 'listening');
      assert.equal(dp.listening(), true);
    } finally {
      await dp.close(1_000);
    }
    assert.equal(dp.listening(), false);
  });
});
