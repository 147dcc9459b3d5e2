// Edge hardening: slowloris, slow POST, stalled responses and the route's default deadline are cut
// off by the timeouts (configured short here), the connection cap refuses excess connections, and
// a client that does not read cannot make the proxy buffer without bound.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { rawExchange, request, startProxy, type Proxy } from '../../src/dataplane/testing/harness.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

let backend: net.Server;
let backendPort = 0;
let received = '';
let proxy: Proxy;

/** Answers by path: /hang never answers, /stall sends half a body then stops, /slow-body streams for 600 ms, else 200. */
function serveBackend(socket: net.Socket): void {
  let head = '';
  socket.on('error', () => {});
  socket.on('data', (b: Buffer) => {
    received += b.toString('latin1');
    head += b.toString('latin1');
    if (!head.includes('\r\n\r\n')) return;
    const path = head.split(' ')[1] ?? '';
    const hasBody = /content-length: [1-9]|transfer-encoding/i.test(head);
    head = '';
    if (path === '/hang') return;
    if (path === '/stall') return void socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf');
    if (path === '/slow-body') {
      socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
      let n = 0;
      const timer = setInterval(() => {
        if (++n <= 6) return void socket.write('1\r\nx\r\n');
        clearInterval(timer);
        socket.write('0\r\n\r\n');
      }, 100);
      return;
    }
    if (path === '/flood') return flood(socket);
    if (!hasBody) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
  });
}

/** Writes up to 256 MiB as fast as the proxy takes it; `flooded` counts what it took. */
let flooded = 0;
function flood(socket: net.Socket): void {
  const total = 256 * 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, 120);
  socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${total}\r\n\r\n`);
  const pump = () => {
    while (flooded < total && !socket.destroyed) {
      flooded += chunk.length;
      if (!socket.write(chunk)) return void socket.once('drain', pump);
    }
  };
  pump();
}

before(async () => {
  backend = net.createServer(serveBackend);
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  backendPort = (backend.address() as net.AddressInfo).port;
  proxy = await startProxy(simpleIr([route({ clusterId: 'b' })], [cluster('b', [{ address: '127.0.0.1', port: backendPort }])]), {
    timeouts: { headersMs: 400, requestMs: 600, streamIdleMs: 300, routeMs: 250 },
    maxConnections: 50,
  });
});

after(async () => {
  await proxy.close();
  await new Promise((r) => backend.close(r));
});

/** Connects, runs `script` with the socket, resolves with everything read until close. */
function dribble(script: (socket: net.Socket) => Promise<void>, timeoutMs = 5_000): Promise<{ reply: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(proxy.port, '127.0.0.1', () => void script(socket).catch(() => {}));
    let reply = '';
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => { reply += c; });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ reply, ms: Date.now() - started });
    });
  });
}

async function writeSlowly(socket: net.Socket, text: string, everyMs: number): Promise<void> {
  for (const ch of text) {
    if (socket.destroyed) return;
    socket.write(ch);
    await sleep(everyMs);
  }
}

describe('slow clients', () => {
  it('slowloris: a head dribbled byte by byte gets 408 at the head deadline', async () => {
    received = '';
    const { reply, ms } = await dribble((s) => writeSlowly(s, `GET / HTTP/1.1\r\nHost: a\r\n${'X-A: b\r\n'.repeat(40)}\r\n`, 20));
    assert.match(reply, /^HTTP\/1\.1 408 /);
    assert.ok(ms < 2_000, `cut after ${ms} ms`);
    assert.equal(received, '');
  });

  it('slow POST: a body sent below the rate gets 408 at the whole-request deadline', async () => {
    received = '';
    const { reply, ms } = await dribble(async (s) => {
      s.write('POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n');
      await writeSlowly(s, 'x'.repeat(1000), 50);
    });
    assert.match(reply, /^HTTP\/1\.1 408 /);
    assert.ok(ms < 2_500, `cut after ${ms} ms`);
  });

  it('slow POST: a chunked body idle between chunks gets 408 at the stream idle timeout', async () => {
    const { reply, ms } = await dribble(async (s) => {
      s.write('POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n');
    });
    assert.match(reply, /^HTTP\/1\.1 408 /);
    assert.ok(ms < 1_500, `cut after ${ms} ms`);
  });
});

describe('slow and silent backends', () => {
  it('a route without timeouts gets 504 when no response head comes within the default route timeout', async () => {
    const started = Date.now();
    assert.equal((await request(proxy.port, { path: '/hang' })).status, 504);
    assert.ok(Date.now() - started < 1_500);
  });

  it('the default route timeout ends at the response head: a body streaming longer than it completes', async () => {
    const res = await request(proxy.port, { path: '/slow-body' });
    assert.equal(res.status, 200);
    assert.equal(res.body, 'xxxxxx');
  });

  it('a response that stalls mid-body is cut at the stream idle timeout', async () => {
    const { reply, ms } = await dribble(async (s) => { s.write('GET /stall HTTP/1.1\r\nHost: a\r\n\r\n'); });
    assert.match(reply, /^HTTP\/1\.1 200 [^]*half$/);
    assert.ok(ms < 1_500, `cut after ${ms} ms`);
  });
});

describe('connection cap and buffers', () => {
  it('connections beyond maxConnections are closed on accept and counted; the proxy keeps serving', async () => {
    await waitFor(() => proxy.dataPlane.connectionStats().open === 0, 'earlier connections gone');
    const open: net.Socket[] = [];
    const before = proxy.dataPlane.connectionStats().refused;
    for (let i = 0; i < 50; i++) {
      const s = net.connect(proxy.port, '127.0.0.1');
      s.on('error', () => {});
      open.push(s);
    }
    await waitFor(() => proxy.dataPlane.connectionStats().open === 50, '50 connections held');
    const extra = await rawExchange(proxy.port, 'GET / HTTP/1.1\r\nHost: a\r\n\r\n', 2_000);
    for (const s of open) s.destroy();
    assert.equal(extra, '', 'the 51st connection is closed without an answer');
    assert.equal(proxy.dataPlane.connectionStats().refused, before + 1);
    await waitFor(() => proxy.dataPlane.connectionStats().open === 0, 'connections released');
    assert.equal((await request(proxy.port)).status, 200);
  });

  it('a client that does not read its response makes the proxy pause the backend (bounded buffering)', async () => {
    flooded = 0;
    const socket = net.connect(proxy.port, '127.0.0.1', () => socket.write('GET /flood HTTP/1.1\r\nHost: a\r\n\r\n'));
    socket.on('error', () => {});
    socket.pause(); // never reads
    await waitFor(() => flooded > 0, 'the backend to start');
    await sleep(1_000);
    const taken = flooded;
    await sleep(300);
    assert.equal(flooded, taken, 'the backend is paused');
    assert.ok(taken < 64 * 1024 * 1024, `the proxy took ${taken} bytes the client never read`);
    socket.destroy();
  });
});
