// UDP relaying on loopback: echo through the listener for several clients at once (each its own
// flow), replies from the gateway's port, weighted splits, idle expiry, the flow bound, route swaps.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { l4Cluster, l4Ir, l4Listener, l4Route, udpEcho, udpExchange, weighted } from '../tcp/l4-test-kit.ts';
import { UdpListener } from './udp-listener.ts';

const a = await udpEcho('a');
const b = await udpEcho('b');
const clients: dgram.Socket[] = [];
after(async () => {
  for (const c of clients) c.close();
  await Promise.all([a.close(), b.close()]);
});

async function client(): Promise<dgram.Socket> {
  const c = dgram.createSocket('udp4');
  await new Promise<void>((r) => c.bind(0, '127.0.0.1', r));
  clients.push(c);
  return c;
}

const irFor = (backends: ReturnType<typeof weighted>[]) => l4Ir('UDP',
  [l4Listener('udp', 'UDP', { l4Routes: [l4Route('UDPRoute', backends)] })],
  [l4Cluster('a', 'UDP', [a.port]), l4Cluster('b', 'UDP', [b.port])]);

async function start(ir = irFor([weighted('a')]), options = {}) {
  const l = new UdpListener(ir.sockets[0]!.id, options);
  l.update(ir.sockets[0]!, ir);
  const { port } = await l.listen('127.0.0.1', 0);
  return { l, port };
}

test('several clients each get their own flow and their own replies, from the gateway port', async () => {
  const { l, port } = await start();
  const cs = await Promise.all([client(), client(), client()]);
  const replies = await Promise.all(cs.map((c, i) => udpExchange(c, port, `hello-${i}`)));
  assert.deepEqual(replies, ['a:hello-0', 'a:hello-1', 'a:hello-2']);
  assert.equal(l.flowCount(), 3);
  // A second datagram of a client reuses its flow (same upstream source port at the backend).
  const before = a.peers.size;
  assert.equal(await udpExchange(cs[0]!, port, 'again'), 'a:again');
  assert.equal(a.peers.size, before);
  await l.close(0);
});

test('weighted split 1:1 across flows, and a flow keeps its backend', async () => {
  const { l, port } = await start(irFor([weighted('a', 1), weighted('b', 1)]));
  let fromA = 0;
  for (let i = 0; i < 100; i++) {
    const c = await client();
    const first = await udpExchange(c, port, 'x');
    if (first.startsWith('a:')) fromA++;
    assert.equal((await udpExchange(c, port, 'y'))[0], first[0]);
  }
  assert.ok(fromA > 30 && fromA < 70, `a got ${fromA} of 100`);
  await l.close(0);
});

test('idle flows expire and a later datagram opens a new flow', async () => {
  const { l, port } = await start(irFor([weighted('a')]), { udpIdleTimeoutMs: 100 });
  const c = await client();
  await udpExchange(c, port, 'one');
  assert.equal(l.flowCount(), 1);
  await new Promise((r) => setTimeout(r, 250));
  assert.equal(l.flowCount(), 0);
  assert.equal(await udpExchange(c, port, 'two'), 'a:two');
  await l.close(0);
});

test('the number of flows is bounded: new clients beyond it are dropped, existing ones served', async () => {
  const { l, port } = await start(irFor([weighted('a')]), { udpMaxFlows: 2 });
  const [c1, c2, c3] = await Promise.all([client(), client(), client()]);
  await udpExchange(c1!, port, '1');
  await udpExchange(c2!, port, '2');
  await assert.rejects(udpExchange(c3!, port, '3', 200), /no UDP reply/);
  assert.equal(await udpExchange(c1!, port, '1b'), 'a:1b');
  await l.close(0);
});

test('an apply swaps the route for new flows; existing flows keep their backend', async () => {
  const { l, port } = await start();
  const old = await client();
  assert.equal(await udpExchange(old, port, 'x'), 'a:x');
  const next = irFor([weighted('b')]);
  l.update(next.sockets[0]!, next);
  assert.equal(await udpExchange(await client(), port, 'y'), 'b:y');
  assert.equal(await udpExchange(old, port, 'z'), 'a:z');
  await l.close(0);
});

test('no route or an unresolved backend: datagrams are dropped', async () => {
  const { l, port } = await start(irFor([weighted(null)]));
  await assert.rejects(udpExchange(await client(), port, 'x', 200), /no UDP reply/);
  assert.equal(l.flowCount(), 0);
  await l.close(0);
});
