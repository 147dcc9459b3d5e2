// HTTP/2 front-end limits: the settings a client sees, and rapid reset (many streams opened and
// cancelled) answered with GOAWAY ENHANCE_YOUR_CALM.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import http2 from 'node:http2';
import net from 'node:net';
import { cluster, route, simpleIr } from '../../testing/ir-builder.ts';
import { startProxy } from '../../testing/harness.ts';
import { RAPID_RESET_LIMIT } from './h2-limits.ts';

// A backend that accepts and never answers, so every stream stays open until the client resets it.
const silent = net.createServer(() => {});
await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
const backendPort = (silent.address() as net.AddressInfo).port;
const proxy = await startProxy(simpleIr([route({ clusterId: 'silent' })], [cluster('silent', [{ address: '127.0.0.1', port: backendPort }])]));
after(async () => {
  await proxy.close();
  silent.close();
});

test('the server announces 100 concurrent streams, a 64 KiB stream window and a header list limit', async () => {
  const session = http2.connect(`http://127.0.0.1:${proxy.port}`);
  const settings = await new Promise<http2.Settings>((r) => session.once('remoteSettings', r));
  assert.equal(settings.maxConcurrentStreams, 100);
  assert.equal(settings.initialWindowSize, 65_535);
  assert.equal(settings.maxHeaderListSize, 64 * 1024);
  session.destroy();
});

test('rapid reset: more than the limit of cancelled streams in a second ends the session with ENHANCE_YOUR_CALM', { timeout: 30_000 }, async () => {
  const session = http2.connect(`http://127.0.0.1:${proxy.port}`);
  session.on('error', () => {});
  let code: number | null = null;
  const goaway = new Promise<number>((r) => session.once('goaway', (c) => { code = c; r(c); }));
  // Streams are opened and cancelled in batches (each batch's HEADERS flushed before its resets),
  // so the rate stays far above the limit even on a loaded machine; at most 20 batches are sent.
  for (let batch = 0; batch < 20 && code === null && !session.destroyed; batch++) {
    const streams = Array.from({ length: 50 }, () => {
      const req = session.request({ ':path': '/', ':method': 'POST' }, { endStream: false });
      req.on('error', () => {});
      return req;
    });
    await new Promise((r) => setImmediate(r));
    for (const req of streams) req.close(http2.constants.NGHTTP2_CANCEL);
    await new Promise((r) => setImmediate(r));
  }
  assert.ok(20 * 50 > RAPID_RESET_LIMIT);
  assert.equal(await goaway, http2.constants.NGHTTP2_ENHANCE_YOUR_CALM);
  session.destroy();
});
