// Wire-level behaviour: malformed requests get 400 and a closed connection, pipelined requests are
// answered in order, and HTTP/2 with prior knowledge works on the same port as HTTP/1.1.
import assert from 'node:assert/strict';
import http2 from 'node:http2';
import { after, before, describe, it } from 'node:test';
import { startEcho, type EchoServer } from '../../src/cli/echo.ts';
import { cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { rawExchange, startProxy, type Proxy } from '../../src/dataplane/testing/harness.ts';

let echo: EchoServer;
let proxy: Proxy;

before(async () => {
  echo = await startEcho({ listen: '127.0.0.1:0', name: 'e' });
  proxy = await startProxy(simpleIr([route({ clusterId: 'e' })], [cluster('e', [{ address: '127.0.0.1', port: echo.port }])]));
});

after(async () => {
  await proxy.close();
  await echo.close();
});

/** Status codes of every response in a raw HTTP/1.1 byte stream. */
const statuses = (raw: string) => [...raw.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));

describe('strict HTTP/1.1', () => {
  const rejected: [string, string][] = [
    ['Content-Length with Transfer-Encoding', 'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
    ['two Host headers', 'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n'],
    ['a Host with a space', 'GET / HTTP/1.1\r\nHost: a b\r\n\r\n'],
    ['a Host with userinfo', 'GET / HTTP/1.1\r\nHost: user@a\r\n\r\n'],
    ['no Host', 'GET / HTTP/1.1\r\n\r\n'],
    ['a target that is neither origin- nor absolute-form', 'GET foo HTTP/1.1\r\nHost: a\r\n\r\n'],
  ];
  for (const [what, raw] of rejected) {
    it(`400 and close for ${what}`, async () => {
      // A second request after the bad one must never be answered: the connection is closed.
      const reply = await rawExchange(proxy.port, `${raw}GET / HTTP/1.1\r\nHost: a\r\n\r\n`);
      assert.deepEqual(statuses(reply), [400]);
    });
  }

  it('answers pipelined requests in order on one connection', async () => {
    const paths = ['/1?delayMs=60', '/2', '/3?delayMs=20', '/4'];
    const raw = paths.map((p, i) => `GET ${p} HTTP/1.1\r\nHost: a\r\n${i === paths.length - 1 ? 'Connection: close\r\n' : ''}\r\n`).join('');
    const reply = await rawExchange(proxy.port, raw);
    assert.deepEqual(statuses(reply), [200, 200, 200, 200]);
    assert.deepEqual([...reply.matchAll(/"path":"([^"]+)"/g)].map((m) => m[1]), paths);
  });

  it('accepts the absolute form when its authority agrees with Host', async () => {
    const reply = await rawExchange(proxy.port, 'GET http://Other.Example:81/abs?x=1 HTTP/1.1\r\nHost: other.example:81\r\nConnection: close\r\n\r\n');
    assert.deepEqual(statuses(reply), [200]);
    assert.match(reply, /"path":"\/abs\?x=1"/);
  });
});

describe('HTTP/2 cleartext with prior knowledge', () => {
  it('serves h2c streams on the HTTP/1.1 port, proxied to an HTTP/1.1 backend', async () => {
    const client = http2.connect(proxy.url);
    try {
      const get = (path: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
        const stream = client.request({ ':path': path, ':authority': 'h2.example', 'x-test': '1' });
        let body = '';
        let status = 0;
        stream.setEncoding('utf8');
        stream.on('response', (h) => { status = Number(h[':status']); });
        stream.on('data', (c: string) => { body += c; });
        stream.on('end', () => resolve({ status, body }));
        stream.on('error', reject);
        stream.end();
      });
      const replies = await Promise.all([get('/a'), get('/b'), get('/c')]);
      const post = await new Promise<string>((resolve, reject) => {
        const stream = client.request({ ':method': 'POST', ':path': '/up', ':authority': 'h2.example' });
        let body = '';
        stream.setEncoding('utf8');
        stream.on('data', (c: string) => { body += c; });
        stream.on('end', () => resolve(body));
        stream.on('error', reject);
        stream.end(Buffer.alloc(100_000, 1));
      });
      assert.equal((JSON.parse(post) as { bodyBytes: number }).bodyBytes, 100_000);
      for (const r of replies) assert.equal(r.status, 200);
      const first = JSON.parse(replies[0]!.body) as { host: string; path: string; headers: Record<string, string> };
      assert.equal(first.host, 'h2.example');
      assert.equal(first.path, '/a');
      assert.equal(first.headers['x-test'], '1');
    } finally {
      client.close();
    }
  });
});

describe('HTTP/2 forwarding headers', () => {
  it('sets X-Forwarded-For from the h2c peer', async () => {
    const client = http2.connect(proxy.url);
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const stream = client.request({ ':path': '/xff', ':authority': 'h2.example' });
        let text = '';
        stream.setEncoding('utf8');
        stream.on('data', (c: string) => { text += c; });
        stream.on('end', () => resolve(text));
        stream.on('error', reject);
        stream.end();
      });
      assert.equal((JSON.parse(body) as { headers: Record<string, string> }).headers['x-forwarded-for'], '127.0.0.1');
    } finally {
      client.close();
    }
  });
});
