// Reload with long-lived connections, through the CLI: a WebSocket and an idle keep-alive
// connection on a listener that does not change survive 20 route changes made by file writes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { startEcho, type EchoServer } from '../../src/cli/echo.ts';
import { httpRequest } from '../helpers/http.ts';
import { GATEWAY_CLASS_YAML, httpGatewayYaml, serviceYaml } from '../helpers/manifests.ts';
import { freePort } from '../helpers/ports.ts';
import { startServe, type Running } from '../helpers/switchyard.ts';
import { waitFor } from '../helpers/wait.ts';

let echo: EchoServer;
let serve: Running;
let dir: string;
let port = 0;

const base = () => GATEWAY_CLASS_YAML + httpGatewayYaml(port) + serviceYaml('echo', echo.port);

/** A route whose answers carry `x-generation: <tag>`, so a test can tell when it is served. */
const route = (name: string, prefix: string, tag = 'stable') => `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: ${name}, namespace: default }
spec:
  parentRefs: [{ name: gw }]
  rules:
    - matches: [{ path: { type: PathPrefix, value: ${prefix} } }]
      filters: [{ type: ResponseHeaderModifier, responseHeaderModifier: { set: [{ name: x-generation, value: "${tag}" }] } }]
      backendRefs: [{ name: echo, port: 80 }]
`;

before(async () => {
  echo = await startEcho({ listen: '127.0.0.1:0', name: 'e' });
  port = await freePort();
  dir = mkdtempSync(join(tmpdir(), 'switchyard-long-lived-'));
  writeFileSync(join(dir, 'base.yaml'), base());
  writeFileSync(join(dir, 'stable.yaml'), route('stable', '/'));
  serve = await startServe([dir], ['--workers', '1']);
  await waitFor(async () => (await httpRequest(`http://127.0.0.1:${port}/`).catch(() => null))?.status === 200, 'the stable route');
});

after(async () => {
  await serve?.stop();
  await echo?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A keep-alive connection that sends one request now and then; rejects if it is ever closed. */
function keepAliveConnection(): { ask(): Promise<string>; closed: () => boolean; destroy(): void } {
  const socket = net.connect(port, '127.0.0.1');
  let closed = false;
  let buffered = '';
  let waiting: ((reply: string) => void) | null = null;
  socket.setEncoding('latin1');
  socket.on('close', () => { closed = true; });
  socket.on('error', () => {});
  socket.on('data', (c: string) => {
    buffered += c;
    const end = buffered.indexOf('\r\n\r\n');
    const length = Number(/content-length: (\d+)/i.exec(buffered)?.[1] ?? -1);
    if (end < 0 || length < 0 || buffered.length < end + 4 + length) return;
    const reply = buffered.slice(0, end + 4 + length);
    buffered = buffered.slice(reply.length);
    waiting?.(reply);
  });
  return {
    ask: () => new Promise((resolve) => { waiting = resolve; socket.write('GET /idle HTTP/1.1\r\nHost: a\r\n\r\n'); }),
    closed: () => closed,
    destroy: () => socket.destroy(),
  };
}

it('a WebSocket and an idle keep-alive connection survive 20 route changes', { timeout: 60_000 }, async () => {
  const idle = keepAliveConnection();
  assert.match(await idle.ask(), /^HTTP\/1\.1 200 /);
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
  const messages: string[] = [];
  let wsClosed = false;
  ws.onmessage = (e) => messages.push(String(e.data));
  ws.onclose = () => { wsClosed = true; };
  await new Promise<void>((resolve, reject) => { ws.onopen = () => resolve(); ws.onerror = () => reject(new Error('websocket error')); });

  for (let i = 0; i < 20; i++) {
    writeFileSync(join(dir, 'changing.yaml'), route('changing', '/change', `g${i}`));
    await waitFor(async () => (await httpRequest(`http://127.0.0.1:${port}/change`).catch(() => null))?.headers['x-generation'] === `g${i}`, `route change ${i} served`, 10_000);
    ws.send(`m${i}`);
  }
  await waitFor(() => messages.length === 20, 'every WebSocket message echoed');
  assert.deepEqual(messages, Array.from({ length: 20 }, (_, i) => `m${i}`));
  assert.equal(wsClosed, false, 'the WebSocket is still open');
  assert.equal(idle.closed(), false, 'the idle keep-alive connection is still open');
  assert.match(await idle.ask(), /^HTTP\/1\.1 200 /, 'and still serves on the same connection');
  ws.close();
  idle.destroy();
});
