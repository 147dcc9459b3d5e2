// Bodies stream both ways with backpressure: 50 MB each way with bounded buffering, chunked bodies with
// trailers in both directions, Expect: 100-continue, HEAD.
import assert from 'node:assert/strict';
import http from 'node:http';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { startEcho, type EchoServer } from '../../src/cli/echo.ts';
import { cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { rawExchange, startProxy, type EchoReply, type Proxy } from '../../src/dataplane/testing/harness.ts';
import type { Ir } from '../../src/ir/index.ts';

const SIZE = 50 * 1024 * 1024;
let echo: EchoServer;
let trailerServer: http.Server;
let proxy: Proxy;
let ir: () => Ir;

before(async () => {
  echo = await startEcho({ listen: '127.0.0.1:0', name: 'e' });
  trailerServer = http.createServer((_req, res) => {
    res.writeHead(200, { trailer: 'x-digest' });
    res.write('part1;');
    res.addTrailers({ 'x-digest': 'd1' });
    res.end('part2');
  });
  await new Promise<void>((r) => trailerServer.listen(0, '127.0.0.1', r));
  const trailerPort = (trailerServer.address() as { port: number }).port;
  ir = () => simpleIr([
    route({ match: { path: { type: 'PathPrefix', value: '/trailers' } }, clusterId: 't' }),
    route({ clusterId: 'e' }),
  ], [cluster('e', [{ address: '127.0.0.1', port: echo.port }]), cluster('t', [{ address: '127.0.0.1', port: trailerPort }])]);
  proxy = await startProxy(ir());
});

after(async () => {
  await proxy.close();
  await echo.close();
  await new Promise((r) => trailerServer.close(r));
});

/**
 * Bytes in flight inside the proxy (plus socket buffers) = produced minus consumed at the far end.
 * Without backpressure, or with whole-body buffering, this would reach the full 50 MB.
 */
// Loopback socket buffers alone can hold several MB per hop (TCP autotuning), so the bound is loose
// but still far below the 50 MB that buffering a whole body would show.
const MAX_IN_FLIGHT = 24 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x62);

describe('large bodies', () => {
  it('uploads 50 MB (chunked) with bounded buffering', async () => {
    let received = 0;
    let sent = 0;
    let maxInFlight = 0;
    const sink = http.createServer((req, res) => {
      req.on('data', (c: Buffer) => { received += c.length; });
      req.on('end', () => res.end(String(received)));
    });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
    await proxy.dataPlane.apply(simpleIr([route({ clusterId: 's' })], [cluster('s', [{ address: '127.0.0.1', port: (sink.address() as { port: number }).port }])], 0, 'HTTP/127.0.0.1:0'));
    try {
      const body = new Readable({
        read() {
          maxInFlight = Math.max(maxInFlight, sent - received);
          if (sent >= SIZE) return void this.push(null);
          sent += CHUNK.length;
          this.push(CHUNK);
        },
      });
      const reply = await new Promise<string>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: proxy.port, method: 'POST', path: '/upload', agent: false }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => { text += c; });
          res.on('end', () => resolve(text));
        });
        req.on('error', reject);
        body.pipe(req);
      });
      assert.equal(reply, String(SIZE));
      assert.ok(maxInFlight < MAX_IN_FLIGHT, `${(maxInFlight / 1048576).toFixed(1)} MB were in flight at once`);
    } finally {
      await proxy.dataPlane.apply(ir());
      await new Promise((r) => sink.close(r));
    }
  });

  it('downloads 50 MB; a client that stops reading stops the backend (backpressure)', async () => {
    let written = 0;
    const source = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-length': String(SIZE) });
      const pump = () => {
        while (written < SIZE) {
          written += CHUNK.length;
          if (!res.write(CHUNK)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    await new Promise<void>((r) => source.listen(0, '127.0.0.1', r));
    await proxy.dataPlane.apply(simpleIr([route({ clusterId: 's' })], [cluster('s', [{ address: '127.0.0.1', port: (source.address() as { port: number }).port }])], 0, 'HTTP/127.0.0.1:0'));
    try {
      let received = 0;
      let inFlightWhilePaused = 0;
      await new Promise<void>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: proxy.port, path: '/download', agent: false }, (res) => {
          let paused = false;
          res.on('data', (c: Buffer) => {
            received += c.length;
            if (!paused && received > 10 * 1024 * 1024) {
              paused = true;
              res.pause();
              setTimeout(() => { inFlightWhilePaused = written - received; res.resume(); }, 300);
            }
          });
          res.on('end', resolve);
          res.on('error', reject);
        }).on('error', reject);
      });
      assert.equal(received, SIZE);
      assert.ok(inFlightWhilePaused < MAX_IN_FLIGHT, `${(inFlightWhilePaused / 1048576).toFixed(1)} MB were produced for a paused client`);
    } finally {
      await proxy.dataPlane.apply(ir());
      await new Promise((r) => source.close(r));
    }
  });
});

describe('chunked bodies, trailers, 100-continue, HEAD', () => {
  it('relays request trailers to the backend', async () => {
    const raw = await rawExchange(proxy.port, 'POST /t HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTrailer: X-Sum\r\nConnection: close\r\n\r\n' +
      '5\r\nhello\r\n0\r\nX-Sum: 42\r\n\r\n');
    const reply = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as EchoReply;
    assert.equal(reply.bodyBytes, 5);
    assert.equal(reply.trailers['x-sum'], '42');
  });

  it('relays response trailers to the client', async () => {
    const trailers = await new Promise<Record<string, string | undefined>>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: proxy.port, path: '/trailers', agent: false, headers: { te: 'trailers' } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => { body += c; });
        res.on('end', () => { assert.equal(body, 'part1;part2'); resolve(res.trailers); });
      }).on('error', reject);
    });
    assert.equal(trailers['x-digest'], 'd1');
  });

  it('relays the backend 100 Continue before the client sends its body', async () => {
    const events: string[] = [];
    const reply = await new Promise<EchoReply>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: proxy.port, method: 'PUT', path: '/c', agent: false, headers: { expect: '100-continue', 'content-length': '4' } }, (res) => {
        events.push(`response ${res.statusCode}`);
        let body = '';
        res.on('data', (c: Buffer) => { body += c; });
        res.on('end', () => resolve(JSON.parse(body) as EchoReply));
      });
      req.on('continue', () => { events.push('continue'); req.end('data'); });
      req.on('error', reject);
    });
    assert.deepEqual(events, ['continue', 'response 200']);
    assert.equal(reply.bodyBytes, 4);
  });

  it('HEAD gets the headers and no body', async () => {
    const raw = await rawExchange(proxy.port, 'HEAD /h HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n');
    assert.match(raw, /^HTTP\/1\.1 200/);
    assert.match(raw, /content-length: \d+/i);
    assert.equal(raw.slice(raw.indexOf('\r\n\r\n') + 4), '');
  });
});
