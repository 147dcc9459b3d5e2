// TCP proxying on loopback: echo through the listener, half-close both ways, a large transfer with
// backpressure, weighted splits, refused connections, route swaps that keep the socket and open
// connections, connect timeouts and drain.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { l4Cluster, l4Ir, l4Listener, l4Route, tcpEcho, tcpExchange, weighted } from './l4-test-kit.ts';
import { TcpListener } from './tcp-listener.ts';

const a = await tcpEcho('a');
const b = await tcpEcho('b');
after(() => Promise.all([a.close(), b.close()]));

const irFor = (backends: ReturnType<typeof weighted>[]) => l4Ir('TCP',
  [l4Listener('tcp', 'TCP', { l4Routes: [l4Route('TCPRoute', backends)] })],
  [l4Cluster('service/default/a/port/1', 'TCP', [a.port]), l4Cluster('service/default/b/port/1', 'TCP', [b.port])]);

async function start(ir = irFor([weighted('service/default/a/port/1')]), options = {}) {
  const l = new TcpListener(ir.sockets[0]!.id, options);
  l.update(ir.sockets[0]!, ir);
  const { port } = await l.listen('127.0.0.1', 0);
  return { l, port, ir };
}

test('bytes are echoed through the proxy and half-close ends the exchange cleanly', async () => {
  const { l, port } = await start();
  const out = await tcpExchange(port, 'hello');
  assert.equal(out.toString(), 'a:hello');
  await l.close(100);
});

test('the backend half-closing first still lets the client send and read (half-close the other way)', async () => {
  // A backend that says hi, sends FIN, and then still reads what the client sends.
  let gotAll: (text: string) => void;
  const received = new Promise<string>((r) => { gotAll = r; });
  const server = net.createServer({ allowHalfOpen: true }, (s) => {
    let got = '';
    s.end('bye-first');
    s.on('data', (d) => { got += d; });
    s.on('end', () => { gotAll(got); s.destroy(); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const ir = l4Ir('TCP', [l4Listener('tcp', 'TCP', { l4Routes: [l4Route('TCPRoute', [weighted('c')])] })],
    [l4Cluster('c', 'TCP', [(server.address() as net.AddressInfo).port])]);
  const { l, port } = await start(ir);
  const client = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  let read = '';
  client.on('data', (d) => { read += d; });
  await new Promise((r) => client.once('end', r));
  assert.equal(read, 'bye-first');
  client.end('still-talking');
  assert.equal(await received, 'still-talking');
  await l.close(100);
  server.close();
});

test('a 32 MB transfer arrives intact (backpressure both ways)', async () => {
  const { l, port } = await start();
  const payload = randomBytes(32 * 1024 * 1024);
  const out = await tcpExchange(port, payload, 30_000);
  assert.equal(out.length, payload.length + 2);
  assert.ok(out.subarray(2).equals(payload));
  await l.close(100);
});

test('weighted split: 3:1 across two backends over 400 connections', async () => {
  const { l, port } = await start(irFor([weighted('service/default/a/port/1', 3), weighted('service/default/b/port/1', 1)]));
  let fromA = 0;
  for (let i = 0; i < 400; i++) if ((await tcpExchange(port, 'x')).toString().startsWith('a:')) fromA++;
  assert.ok(fromA > 260 && fromA < 340, `a got ${fromA} of 400`);
  await l.close(100);
});

test('no route, an unresolved backend or a cluster without endpoints: the connection is reset', async () => {
  for (const ir of [
    l4Ir('TCP', [l4Listener('tcp', 'TCP')], []),
    irFor([weighted(null)]),
    l4Ir('TCP', [l4Listener('tcp', 'TCP', { l4Routes: [l4Route('TCPRoute', [weighted('empty')])] })], [l4Cluster('empty', 'TCP', [])]),
  ]) {
    const { l, port } = await start(ir);
    await assert.rejects(tcpExchange(port, 'x'), /ECONNRESET/);
    await l.close(100);
  }
});

test('an apply swaps the route without closing the socket or open connections', async () => {
  const { l, port } = await start();
  const open = net.connect({ port, host: '127.0.0.1' });
  let openRead = '';
  open.on('data', (d) => { openRead += d; });
  await new Promise((r) => open.once('data', r));
  const next = irFor([weighted('service/default/b/port/1')]);
  l.update(next.sockets[0]!, next);
  assert.equal((await tcpExchange(port, 'new')).toString(), 'b:new');
  open.write('old');
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(openRead, 'a:old');
  open.destroy();
  await l.close(100);
});

/** True when connecting to `host` neither succeeds nor fails within `ms` (a sandbox may answer everything). */
async function unanswered(host: string, ms: number): Promise<boolean> {
  const s = net.connect({ host, port: 9 });
  const settled = await Promise.race([
    new Promise((r) => s.once('connect', () => r(true))),
    new Promise((r) => s.once('error', () => r(true))),
    new Promise((r) => setTimeout(() => r(false), ms)),
  ]);
  s.destroy();
  return !settled;
}

test('a backend that never accepts hits the connect timeout and the client is closed', async (t) => {
  // 10.255.255.1 is normally unroutable: SYNs go unanswered, so only the timer ends the attempt.
  if (!(await unanswered('10.255.255.1', 300))) return t.skip('this network answers connects to 10.255.255.1');
  const ir = l4Ir('TCP', [l4Listener('tcp', 'TCP', { l4Routes: [l4Route('TCPRoute', [weighted('blackhole')])] })],
    [{ id: 'blackhole', protocol: 'TCP', endpoints: [{ address: '10.255.255.1', port: 9 }], tls: null }]);
  const errors: string[] = [];
  const { l, port } = await start(ir, { connectTimeoutMs: 200, onConnectError: (_c: string, _e: string, code: string) => errors.push(code) });
  const started = Date.now();
  const out = await tcpExchange(port, 'x').catch(() => Buffer.alloc(0));
  assert.equal(out.length, 0);
  assert.ok(Date.now() - started < 3_000);
  assert.equal(errors.length, 1);
  await l.close(100);
});

test('close drains: open connections are destroyed at the deadline and the port is released', async () => {
  const { l, port } = await start();
  const open = net.connect({ port, host: '127.0.0.1' });
  await new Promise((r) => open.once('data', r));
  const closed = new Promise((r) => open.once('close', r));
  await l.close(100);
  await closed;
  await assert.rejects(tcpExchange(port, 'x'), /ECONNREFUSED/);
});
