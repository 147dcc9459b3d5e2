// Property tests of the strict request parser: any split of a valid byte stream parses exactly like
// the whole, and mutated streams never throw and never yield a request that is not canonical.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { ChunkedDecoder } from './chunked.ts';
import { CHUNKED, LENGTH } from './framing.ts';
import { FAILED, HeadParser, NEED_MORE } from './head-parser.ts';
import { MAX_HEAD_BYTES, MAX_HEADERS } from './limits.ts';
import { ParseError } from './parse-error.ts';
import { checkRequest } from './request.ts';

interface Parsed { method: string; target: string; raw: string[]; body: string; trailers: string[] }

/** The parsing half of H1ServerConnection, without sockets: pieces in, requests (or a refusal) out. */
function parseStream(pieces: readonly Buffer[]): { requests: Parsed[]; error: number | null } {
  const requests: Parsed[] = [];
  const head = new HeadParser({ maxBytes: MAX_HEAD_BYTES, maxFields: MAX_HEADERS, tooLargeStatus: 431 }, true);
  let body: Buffer[] = [];
  const decoder = new ChunkedDecoder({ onBodyData: (d) => body.push(Buffer.from(d)) });
  let current: Omit<Parsed, 'body' | 'trailers'> | null = null;
  let kind = 0;
  let remaining = 0;
  const finish = (trailers: string[]) => {
    requests.push({ ...current!, body: Buffer.concat(body).toString('latin1'), trailers });
    current = null;
    body = [];
    head.reset();
  };
  for (const buf of pieces) {
    let pos = 0;
    while (pos < buf.length) {
      if (current === null) {
        const r = head.feed(buf, pos, buf.length);
        if (r === NEED_MORE) break;
        if (r === FAILED) return { requests, error: head.error!.status };
        pos = r;
        const req = checkRequest(head);
        if (req instanceof ParseError) return { requests, error: req.status };
        current = { method: req.method, target: req.target, raw: req.raw };
        kind = req.framing.kind;
        remaining = req.framing.length;
        decoder.reset();
        if (kind !== LENGTH && kind !== CHUNKED) finish([]);
      } else if (kind === LENGTH) {
        const n = Math.min(remaining, buf.length - pos);
        body.push(buf.subarray(pos, pos + n));
        remaining -= n;
        pos += n;
        if (remaining === 0) finish([]);
      } else {
        const r = decoder.feed(buf, pos, buf.length);
        if (r === FAILED) return { requests, error: decoder.error!.status };
        if (r === NEED_MORE) break;
        pos = r;
        finish(decoder.trailers);
      }
    }
  }
  return { requests, error: null };
}

const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,12}$/).filter((n) => !['host', 'content-length', 'transfer-encoding', 'expect', 'connection', 'upgrade'].includes(n.toLowerCase()));
const value = fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/);
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  path: fc.stringMatching(/^\/[A-Za-z0-9/._~%-]{0,30}$/),
  headers: fc.array(fc.tuple(token, value), { maxLength: 8 }),
  body: fc.uint8Array({ maxLength: 300 }),
  chunked: fc.boolean(),
  chunkSizes: fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 6 }),
  trailers: fc.array(fc.tuple(token, value), { maxLength: 2 }),
});
type Req = typeof request extends fc.Arbitrary<infer T> ? T : never;

function serialize(r: Req): Buffer {
  const fields = ['Host', 'example.com', ...r.headers.flat()];
  const body = Buffer.from(r.body);
  const parts: Buffer[] = [];
  if (r.chunked) {
    fields.push('Transfer-Encoding', 'chunked');
    let at = 0;
    for (const size of r.chunkSizes) {
      if (at >= body.length) break;
      const piece = body.subarray(at, at + size);
      parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
      at += piece.length;
    }
    if (at < body.length) parts.push(Buffer.from(`${(body.length - at).toString(16)}\r\n`), body.subarray(at), Buffer.from('\r\n'));
    let trailer = '';
    for (const [n, v] of r.trailers) trailer += `${n}: ${v}\r\n`;
    parts.push(Buffer.from(`0\r\n${trailer}\r\n`));
  } else if (body.length > 0) {
    fields.push('Content-Length', String(body.length));
    parts.push(body);
  }
  let head = `${r.method} ${r.path} HTTP/1.1\r\n`;
  for (let i = 0; i < fields.length; i += 2) head += `${fields[i]}: ${fields[i + 1]}\r\n`;
  return Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), ...parts]);
}

function split(buf: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (buf.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let at = 0;
  for (const p of points) {
    out.push(buf.subarray(at, p));
    at = p;
  }
  out.push(buf.subarray(at));
  return out;
}

it('any split of a valid pipelined stream parses exactly like the whole stream', () => {
  fc.assert(fc.property(fc.array(request, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(), { maxLength: 12 }), (reqs, cuts) => {
    const whole = Buffer.concat(reqs.map(serialize));
    const expected = parseStream([whole]);
    assert.equal(expected.error, null);
    assert.equal(expected.requests.length, reqs.length);
    reqs.forEach((r, i) => {
      const got = expected.requests[i]!;
      assert.equal(got.method, r.method);
      assert.equal(got.target, r.path);
      assert.equal(got.body, Buffer.from(r.body).toString('latin1'));
      if (r.chunked) assert.deepEqual(got.trailers, r.trailers.flat());
    });
    assert.deepEqual(parseStream(split(whole, cuts)), expected);
  }), { numRuns: 300 });
});

const NASTY = [0x00, 0x01, 0x09, 0x0a, 0x0d, 0x20, 0x3a, 0x5f, 0x7f, 0x80, 0xff, 0x2c, 0x3b];

it('mutated streams never throw, and whatever parses re-serialises to a stream that parses the same', () => {
  const mutation = fc.tuple(fc.constantFrom('flip', 'insert', 'delete'), fc.nat(), fc.constantFrom(...NASTY));
  fc.assert(fc.property(request, fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 4 }), (r, mutations, cuts) => {
    const bytes = [...serialize(r)];
    for (const [op, at, byte] of mutations) {
      const i = at % (bytes.length + 1);
      if (op === 'flip' && i < bytes.length) bytes[i] = byte;
      else if (op === 'insert') bytes.splice(i, 0, byte);
      else if (op === 'delete') bytes.splice(i, 1);
    }
    const result = parseStream(split(Buffer.from(bytes), cuts));
    for (const got of result.requests) {
      // Canonical: names are tokens without '_', values have no CR/LF/NUL/CTL, one Host at most.
      for (let i = 0; i < got.raw.length; i += 2) {
        assert.match(got.raw[i]!, /^[!#$%&'*+\-.^`|~0-9A-Za-z]+$/);
        assert.doesNotMatch(got.raw[i + 1]!, /[\x00-\x08\x0a-\x1f\x7f]/);
      }
      assert.ok(got.raw.filter((_, i) => i % 2 === 0 && got.raw[i]!.toLowerCase() === 'host').length <= 1);
    }
    if (result.error !== null) assert.ok([400, 417, 431, 501, 505].includes(result.error), `status ${result.error}`);
  }), { numRuns: 1000 });
});
