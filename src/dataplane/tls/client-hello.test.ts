// ClientHello parsing against real ClientHellos (captured from node:tls clients on loopback) and
// fuzzed input: truncations, byte flips, record splits and random bytes never throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import tls from 'node:tls';
import fc from 'fast-check';
import { MAX_CLIENT_HELLO_BYTES, parseClientHello } from './client-hello.ts';

/** Connects a TLS client to a server that records the first bytes and hangs up. */
async function captureHello(options: tls.ConnectionOptions): Promise<Buffer> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const hello = new Promise<Buffer>((resolve) => server.once('connection', (s) => {
    let buf = Buffer.alloc(0);
    s.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      if (parseClientHello(buf).status !== 'incomplete') { resolve(buf); s.destroy(); }
    });
  }));
  const client = tls.connect({ port, host: '127.0.0.1', ...options });
  client.on('error', () => {});
  const bytes = await hello;
  client.destroy();
  server.close();
  return bytes;
}

/** Re-frames one ClientHello's handshake bytes into records of `size` bytes each. */
function splitRecords(hello: Buffer, size: number): Buffer {
  const body = hello.subarray(5, 5 + hello.readUInt16BE(3));
  const records: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) {
    const part = body.subarray(i, i + size);
    const header = Buffer.from([22, 3, 1, 0, 0]);
    header.writeUInt16BE(part.length, 3);
    records.push(header, part);
  }
  return Buffer.concat(records);
}

const hellos = {
  sniAlpn: await captureHello({ servername: 'Secure.Example.com', ALPNProtocols: ['h2', 'http/1.1'] }),
  // node:tls omits SNI when servername is an IP address or empty.
  noSni: await captureHello({ servername: '' }),
  tls12: await captureHello({ servername: 'old.example.com', maxVersion: 'TLSv1.2', sigalgs: 'ECDSA+SHA256:RSA+SHA256' }),
};

test('reads SNI (lower-cased) and ALPN from a real TLS 1.3 ClientHello', () => {
  const r = parseClientHello(hellos.sniAlpn);
  assert.equal(r.status, 'ok');
  assert.equal(r.status === 'ok' && r.hello.serverName, 'secure.example.com');
  assert.deepEqual(r.status === 'ok' && r.hello.alpn, ['h2', 'http/1.1']);
  assert.ok(r.status === 'ok' && r.hello.signatureAlgorithms.includes(0x0403));
});

test('a ClientHello without SNI parses with serverName null', () => {
  const r = parseClientHello(hellos.noSni);
  assert.equal(r.status, 'ok');
  assert.equal(r.status === 'ok' && r.hello.serverName, null);
});

test('signature algorithms are read in the client order (TLS 1.2 client)', () => {
  const r = parseClientHello(hellos.tls12);
  assert.equal(r.status, 'ok');
  assert.deepEqual(r.status === 'ok' && r.hello.signatureAlgorithms, [0x0403, 0x0401]);
});

test('every strict prefix is incomplete, and the whole is ok', () => {
  const h = hellos.sniAlpn;
  for (let n = 0; n < h.length; n++) assert.equal(parseClientHello(h.subarray(0, n)).status, 'incomplete', `prefix ${n}`);
});

test('a ClientHello split over many records reassembles', () => {
  for (const size of [1, 7, 100, 511]) {
    const r = parseClientHello(splitRecords(hellos.sniAlpn, size));
    assert.equal(r.status === 'ok' && r.hello.serverName, 'secure.example.com', `records of ${size}`);
  }
});

test('non-TLS input is invalid at once (plain HTTP, SSLv2-style, other record types)', () => {
  assert.equal(parseClientHello(Buffer.from('GET / HTTP/1.1\r\n')).status, 'invalid');
  assert.equal(parseClientHello(Buffer.from([0x80, 0x2e, 0x01, 0x03, 0x01])).status, 'invalid');
  assert.equal(parseClientHello(Buffer.from([23, 3, 3, 0, 5, 1, 2, 3, 4, 5])).status, 'invalid');
});

test('oversized declarations are refused before buffering them', () => {
  const huge = Buffer.from([22, 3, 1, 0x40, 0x00, 1, 0xff, 0xff, 0xff]);
  assert.equal(parseClientHello(huge).status, 'invalid');
  assert.equal(parseClientHello(Buffer.alloc(MAX_CLIENT_HELLO_BYTES + 10, 22)).status, 'invalid');
});

test('a host_name that is not a DNS name is invalid', () => {
  const h = Buffer.from(hellos.sniAlpn);
  const at = h.indexOf('Secure.Example.com', 0, 'latin1');
  assert.ok(at > 0);
  h[at] = 0x2f; // '/'
  assert.equal(parseClientHello(h).status, 'invalid');
});

test('fuzz: random bytes never throw', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
    parseClientHello(bytes);
  }), { numRuns: 2_000 });
});

test('fuzz: real ClientHellos with flipped bytes and truncation never throw, and SNI stays a DNS name', () => {
  const sources = Object.values(hellos);
  fc.assert(fc.property(
    fc.integer({ min: 0, max: sources.length - 1 }),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    fc.option(fc.nat()),
    fc.integer({ min: 1, max: 600 }),
    (which, flips, cut, recordSize) => {
      let h: Buffer = Buffer.from(sources[which]!);
      if (recordSize < 600) h = splitRecords(h, recordSize);
      for (const [pos, value] of flips) h[pos % h.length] = value;
      const bytes = cut === null ? h : h.subarray(0, cut % (h.length + 1));
      const r = parseClientHello(bytes);
      if (r.status === 'ok' && r.hello.serverName !== null) assert.match(r.hello.serverName, /^[a-z0-9_.-]+$/);
    },
  ), { numRuns: 3_000 });
});
