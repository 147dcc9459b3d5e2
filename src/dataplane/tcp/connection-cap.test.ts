// The connection cap covers TCP and TLS sockets too: past the socket's maxConnections a new
// connection is closed on accept and counted, and the budget is given back when connections end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { Ir } from '../../ir/index.ts';
import { DataPlane } from '../data-plane.ts';

function tcpIr(backendPort: number): Ir {
  return {
    sockets: [{
      id: 'TCP/127.0.0.1:0', protocol: 'TCP', address: '127.0.0.1', port: 0,
      listeners: [{
        id: 'gateway/ns/gw/listener/tcp', gateway: { kind: 'Gateway', namespace: 'ns', name: 'gw' }, name: 'tcp',
        protocol: 'TCP', hostname: null, tls: null, virtualHosts: [], tlsRoutes: [],
        l4Routes: [{ id: 'tcproute/ns/r/rule/0', source: { kind: 'TCPRoute', namespace: 'ns', name: 'r', ruleIndex: 0, ruleName: null, matchIndex: 0 }, backends: [{ weight: 1, clusterId: 'c', filters: [] }] }],
      }],
    }],
    clusters: { c: { id: 'c', protocol: 'TCP', endpoints: [{ address: '127.0.0.1', port: backendPort }], tls: null } },
  };
}

/** Connects and resolves with the first bytes the echo sends back, or null when the connection is closed unanswered. */
function echoOnce(port: number): Promise<{ socket: net.Socket; reply: string | null }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write('ping'));
    socket.once('data', (d) => resolve({ socket, reply: d.toString() }));
    socket.once('close', () => resolve({ socket, reply: null }));
    socket.on('error', () => {});
  });
}

test('TCP sockets refuse connections past maxConnections and give the budget back', async () => {
  const backend = net.createServer((s) => s.pipe(s));
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  const dp = new DataPlane({ maxConnections: 2 });
  try {
    const result = await dp.apply(tcpIr((backend.address() as net.AddressInfo).port));
    const port = result.sockets[0]!.address!.port;
    const first = await echoOnce(port);
    const second = await echoOnce(port);
    assert.equal(first.reply, 'ping');
    assert.equal(second.reply, 'ping');
    const third = await echoOnce(port);
    assert.equal(third.reply, null, 'the third connection is closed unanswered');
    assert.deepEqual(dp.connectionStats(), { open: 2, refused: 1 });
    first.socket.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const fourth = await echoOnce(port);
    assert.equal(fourth.reply, 'ping', 'a place freed by a closed connection is reused');
    for (const c of [second, fourth]) c.socket.destroy();
  } finally {
    await dp.close(500);
    backend.close();
  }
});
