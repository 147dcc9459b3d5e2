// WebSocket through the proxy: Node's global WebSocket client ↔ data plane ↔ `switchyard echo`.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { startEcho, type EchoServer } from '../../src/cli/echo.ts';
import { cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { rawExchange, startProxy, type Proxy } from '../../src/dataplane/testing/harness.ts';

let echo: EchoServer;
let proxy: Proxy;

before(async () => {
  echo = await startEcho({ listen: '127.0.0.1:0', name: 'ws' });
  proxy = await startProxy(simpleIr([
    route({ match: { path: { type: 'PathPrefix', value: '/ws' } }, clusterId: 'e' }),
  ], [cluster('e', [{ address: '127.0.0.1', port: echo.port }])]));
});

after(async () => {
  await proxy.close();
  await echo.close();
});

it('echoes text and binary messages, large ones included, through the proxy', async () => {
  const ws = new WebSocket(`ws://127.0.0.1:${proxy.port}/ws/chat`);
  ws.binaryType = 'arraybuffer';
  const received: (string | ArrayBuffer)[] = [];
  const big = 'x'.repeat(200_000);
  await new Promise<void>((resolve, reject) => {
    ws.onerror = () => reject(new Error('websocket error'));
    ws.onopen = () => {
      ws.send('hello');
      ws.send(new Uint8Array([1, 2, 3]));
      ws.send(big);
    };
    ws.onmessage = (e) => {
      received.push(e.data as string | ArrayBuffer);
      if (received.length === 3) resolve();
    };
  });
  assert.equal(received[0], 'hello');
  assert.deepEqual([...new Uint8Array(received[1] as ArrayBuffer)], [1, 2, 3]);
  assert.equal(received[2], big);
  await new Promise<void>((resolve) => {
    ws.onclose = () => resolve();
    ws.close(1000, 'done');
  });
});

it('answers an upgrade for an unmatched path with 404 and closes', async () => {
  const reply = await rawExchange(proxy.port, 'GET /nope HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
    'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
  assert.match(reply, /^HTTP\/1\.1 404 /);
});
