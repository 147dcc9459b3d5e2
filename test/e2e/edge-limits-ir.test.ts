// IrSocket.limits (SwitchyardProxy spec.limits) override the data plane's defaults on the socket
// that carries them, and an apply that changes them takes effect on the bound socket.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, it } from 'node:test';
import type { Ir, IrSocketLimits } from '../../src/ir/index.ts';
import { cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { rawExchange, request, startProxy, type Proxy } from '../../src/dataplane/testing/harness.ts';
import { waitFor } from '../helpers/wait.ts';

let backend: net.Server;
let proxy: Proxy;
let port = 0;

const NONE: IrSocketLimits = {
  requestMs: null, streamIdleMs: null, connectMs: null, routeTimeoutMs: null, downstreamIdleMs: null, maxConnections: null, xffNumTrustedHops: null,
};

function irWith(limits: Partial<IrSocketLimits>): Ir {
  const ir = simpleIr([route({ clusterId: 'b' })], [cluster('b', [{ address: '127.0.0.1', port }])], proxy?.port ?? 0);
  return { ...ir, sockets: ir.sockets.map((s) => ({ ...s, id: 'HTTP/test', limits: { ...NONE, ...limits } })) };
}

before(async () => {
  // Never answers: only the gateway's deadlines can end a request.
  backend = net.createServer((s) => s.on('error', () => {}));
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  port = (backend.address() as net.AddressInfo).port;
  proxy = await startProxy(irWith({ routeTimeoutMs: 200 }));
});

after(async () => {
  await proxy.close();
  await new Promise((r) => backend.close(r));
});

it('routeTimeoutMs from the IR replaces the 15 s default', async () => {
  const started = Date.now();
  assert.equal((await request(proxy.port)).status, 504);
  assert.ok(Date.now() - started < 1_500);
});

it('maxConnections from a later apply applies to the socket already bound', async () => {
  await proxy.dataPlane.apply(irWith({ routeTimeoutMs: 200, maxConnections: 1 }));
  await waitFor(() => proxy.dataPlane.connectionStats().open === 0, 'earlier connections gone');
  const held = net.connect(proxy.port, '127.0.0.1');
  held.on('error', () => {});
  await waitFor(() => proxy.dataPlane.connectionStats().open === 1, 'one connection held');
  assert.equal(await rawExchange(proxy.port, 'GET / HTTP/1.1\r\nHost: a\r\n\r\n', 2_000), '');
  held.destroy();
});

it('downstreamIdleMs closes a keep-alive connection left idle after its request', async () => {
  await proxy.dataPlane.apply(irWith({ routeTimeoutMs: 100, downstreamIdleMs: 300 }));
  const started = Date.now();
  const reply = await rawExchange(proxy.port, 'GET / HTTP/1.1\r\nHost: a\r\n\r\n', 5_000);
  assert.match(reply, /^HTTP\/1\.1 504 /);
  assert.doesNotMatch(reply, /Connection: close/, 'the answer kept the connection open');
  const ms = Date.now() - started;
  assert.ok(ms >= 350 && ms < 2_000, `closed after ${ms} ms`);
});
