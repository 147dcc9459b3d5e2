// HTTP/1.1 framing refusals (issue "Edge hardening"): every ambiguous or malformed request gets a
// clear status and a closed connection, and neither it nor the valid request pipelined behind it
// ever reaches the backend — checked with a raw backend that records every byte it receives.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { rawExchange, startProxy, type Proxy } from '../../src/dataplane/testing/harness.ts';

let backend: net.Server;
let received = '';
let proxy: Proxy;

before(async () => {
  backend = net.createServer((socket) => {
    // `received` records every byte from every connection; each connection answers on its own
    // bytes, so a request left unanswered on one connection cannot block the next.
    let mine = '';
    socket.on('data', (b: Buffer) => {
      received += b.toString('latin1');
      mine += b.toString('latin1');
      // Answers complete requests only (a body-less GET, or a chunked body's last chunk).
      if (/^GET [^]*\r\n\r\n$/.test(mine) || mine.endsWith('0\r\n\r\n')) {
        mine = '';
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      }
    });
  });
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  const port = (backend.address() as net.AddressInfo).port;
  proxy = await startProxy(simpleIr([route({ clusterId: 'b' })], [cluster('b', [{ address: '127.0.0.1', port }])]), { timeouts: { headersMs: 300 } });
});

after(async () => {
  await proxy.close();
  await new Promise((r) => backend.close(r));
});

const VALID = 'GET /after HTTP/1.1\r\nHost: a\r\n\r\n';
const BIG = 'x'.repeat(61 * 1024);
const cases: [status: number, what: string, raw: string][] = [
  [400, 'Content-Length with Transfer-Encoding', 'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  [400, 'Transfer-Encoding with Content-Length', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n'],
  [400, 'duplicate equal Content-Length', 'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx'],
  [400, 'conflicting Content-Length', 'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxy'],
  [400, 'Content-Length list', 'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 1\r\n\r\nx'],
  [400, 'signed Content-Length', 'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +1\r\n\r\nx'],
  [400, 'Transfer-Encoding "chunked " (trailing space)', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked \r\n\r\n0\r\n\r\n'],
  [400, 'Transfer-Encoding xchunked', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n'],
  [400, 'Transfer-Encoding chunked, identity', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n'],
  [400, 'two Transfer-Encoding headers', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  [400, 'Transfer-Encoding in HTTP/1.0', 'POST / HTTP/1.0\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  [501, 'a transfer coding other than chunked', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n'],
  [400, 'obs-fold', 'GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n  folded\r\n\r\n'],
  [400, 'bare LF in the header section', 'GET / HTTP/1.1\r\nHost: a\nX-A: 1\r\n\r\n'],
  [400, 'bare LF line endings', 'GET / HTTP/1.1\nHost: a\n\n'],
  [400, 'bare CR', 'GET / HTTP/1.1\r\nHost: a\rX-A: 1\r\n\r\n'],
  [400, 'NUL in a header value', 'GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\x002\r\n\r\n'],
  [400, 'a CTL in a header value', 'GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\x012\r\n\r\n'],
  [400, 'DEL in a header value', 'GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\x7f\r\n\r\n'],
  [400, 'whitespace before the colon', 'GET / HTTP/1.1\r\nHost: a\r\nX-A : 1\r\n\r\n'],
  [400, 'an underscore in a header name', 'GET / HTTP/1.1\r\nHost: a\r\nX_Forwarded_For: 1\r\n\r\n'],
  [400, 'two Host headers', 'GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n'],
  [400, 'a Host with a space', 'GET / HTTP/1.1\r\nHost: a b\r\n\r\n'],
  [400, 'a Host with a slash', 'GET / HTTP/1.1\r\nHost: a/b\r\n\r\n'],
  [400, 'absolute form disagreeing with Host', 'GET http://evil.example/ HTTP/1.1\r\nHost: a\r\n\r\n'],
  [400, 'an invalid chunk size', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n'],
  [400, 'a chunk size with 0x', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n'],
  [400, 'a chunk size with leading space', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n 5\r\nhello\r\n0\r\n\r\n'],
  [400, 'an oversized chunk size', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\nx\r\n0\r\n\r\n'],
  [400, 'a bare LF in a chunk extension', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\nhello\r\n0\r\n\r\n'],
  [400, 'a CTL in a chunk extension', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;a\x01\r\nhello\r\n0\r\n\r\n'],
  [400, 'chunk data longer than its size', 'POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n'],
  [400, 'a malformed request line', 'GET  / HTTP/1.1\r\nHost: a\r\n\r\n'],
  [400, 'a malformed percent-encoding in the path', 'GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n'],
  [505, 'HTTP/2.0 on an HTTP/1.1 connection', 'GET / HTTP/2.0\r\nHost: a\r\n\r\n'],
  [417, 'an unsupported Expect', 'POST / HTTP/1.1\r\nHost: a\r\nExpect: teapot\r\nContent-Length: 1\r\n\r\nx'],
  [431, 'a head over 60 KiB', `GET / HTTP/1.1\r\nHost: a\r\nX-Big: ${BIG}\r\n\r\n`],
  [431, 'more than 100 headers', `GET / HTTP/1.1\r\nHost: a\r\n${Array.from({ length: 101 }, (_, i) => `X-H${i}: v\r\n`).join('')}\r\n`],
];

describe('framing refusals: status, closed connection, nothing forwarded', () => {
  for (const [status, what, raw] of cases) {
    it(`${status} for ${what}`, async () => {
      received = '';
      // rawExchange resolves only once the proxy has closed the connection.
      const reply = await rawExchange(proxy.port, raw + VALID, 3_000);
      assert.match(reply, new RegExp(`^HTTP/1\\.1 ${status} `));
      assert.match(reply, /\r\nConnection: close\r\n/);
      assert.equal([...reply.matchAll(/^HTTP\/1\.1 /gm)].length, 1, 'the pipelined request was not answered');
      assert.equal(received, '', 'the backend received nothing');
    });
  }

  it('408 and close when the head does not arrive in time', async () => {
    received = '';
    const started = Date.now();
    const reply = await rawExchange(proxy.port, 'GET / HTTP/1.1\r\nHost: a\r\n', 3_000);
    assert.match(reply, /^HTTP\/1\.1 408 /);
    assert.ok(Date.now() - started < 2_000);
    assert.equal(received, '');
  });

  it('a malformed chunk arriving after the head was forwarded cuts the backend connection before the request completes', async () => {
    received = '';
    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect(proxy.port, '127.0.0.1', () => {
        socket.write('POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n');
        setTimeout(() => socket.write('zz\r\n'), 100);
      });
      let data = '';
      socket.setEncoding('latin1');
      socket.on('data', (c: string) => { data += c; });
      socket.on('close', () => resolve(data));
    });
    assert.match(reply, /^HTTP\/1\.1 400 /);
    assert.doesNotMatch(received, /0\r\n\r\n$/, 'the backend never saw a complete request');
  });
});

describe('accepted edge cases', () => {
  it('Transfer-Encoding chunked in any case, and stray CRLF before a request line', async () => {
    received = '';
    const reply = await rawExchange(proxy.port, '\r\nPOST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\nConnection: close\r\n\r\n2;ext=1\r\nhi\r\n0\r\n\r\n');
    assert.match(reply, /^HTTP\/1\.1 200 /);
    assert.match(received, /\r\n\r\n2\r\nhi\r\n0\r\n\r\n$/);
  });
});

describe('mutated requests against the running proxy', () => {
  it('a refused request never reaches the backend, and the proxy keeps serving', async () => {
    const base = Buffer.from('POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nX-A: v\r\n\r\nabc');
    const nasty = [0x00, 0x0a, 0x0d, 0x20, 0x3a, 0x5f, 0x7f, 0x2c];
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(base.length - 1), fc.constantFrom(...nasty), fc.boolean()), { minLength: 1, maxLength: 3 }), async (mutations) => {
      const bytes = [...base];
      for (const [at, byte, insert] of mutations) {
        if (insert) bytes.splice(at, 0, byte);
        else bytes[at] = byte;
      }
      received = '';
      const reply = await rawExchange(proxy.port, Buffer.concat([Buffer.from(bytes), Buffer.from('\r\n\r\n')]), 1_000);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0);
      if ([400, 417, 431, 501, 505].includes(status)) assert.equal(received, '', `refused with ${status} but forwarded`);
    }), { numRuns: 60 });
    assert.match(await rawExchange(proxy.port, VALID.replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n')), /^HTTP\/1\.1 200 /);
  });
});
