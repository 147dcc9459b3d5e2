/**
 * A small, strict TLS ClientHello reader: enough to route a connection before any TLS state exists
 * (SNI for listener and TLSRoute choice, ALPN and signature algorithms for diagnostics). Every
 * length is checked against what is left, so hostile input yields `invalid`, never a throw or an
 * out-of-bounds read. The handshake message may span several TLS records (RFC 8446 §5.1); the
 * caller keeps buffering while the result is `incomplete`, up to MAX_CLIENT_HELLO_BYTES.
 */

/** ClientHellos with post-quantum key shares are about 2 KB; 16 KB leaves room and bounds memory. */
export const MAX_CLIENT_HELLO_BYTES = 16_384;

const RECORD_HANDSHAKE = 22;
const HANDSHAKE_CLIENT_HELLO = 1;
const EXT_SERVER_NAME = 0;
const EXT_SIGNATURE_ALGORITHMS = 13;
const EXT_ALPN = 16;
const NAME_TYPE_HOST = 0;
// RFC 6066 §3: a DNS hostname, ASCII, no trailing dot, no IP literals (we accept digits anyway).
const SNI_PATTERN = /^[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*$/;

export interface ClientHello {
  /** Lower-case SNI host name, or null when the client sent none. */
  readonly serverName: string | null;
  /** ALPN protocols offered, in the client's order. */
  readonly alpn: readonly string[];
  /** TLS SignatureScheme code points offered (RFC 8446 §4.2.3). */
  readonly signatureAlgorithms: readonly number[];
}

export type ClientHelloResult =
  | { readonly status: 'incomplete' }
  | { readonly status: 'invalid'; readonly reason: string }
  | { readonly status: 'ok'; readonly hello: ClientHello };

/** Parses the ClientHello at the start of `data` (everything the client sent so far). */
export function parseClientHello(data: Uint8Array): ClientHelloResult {
  const message = reassembleHandshake(data);
  if (message.status !== 'ok') return message;
  try {
    return { status: 'ok', hello: readHello(new Reader(message.body)) };
  } catch (err) {
    if (err instanceof Malformed) return { status: 'invalid', reason: err.message };
    throw err;
  }
}

/** Collects the first handshake message from consecutive handshake records. */
function reassembleHandshake(data: Uint8Array): { status: 'incomplete' } | { status: 'invalid'; reason: string } | { status: 'ok'; body: Uint8Array } {
  const fragments: Uint8Array[] = [];
  let collected = 0;
  let needed = -1;
  for (let at = 0; ;) {
    if (data.length < at + 5) return data.length > MAX_CLIENT_HELLO_BYTES ? invalid('ClientHello too large') : { status: 'incomplete' };
    if (data[at] !== RECORD_HANDSHAKE) return invalid('not a TLS handshake record');
    if (data[at + 1] !== 3) return invalid('unknown record version');
    const length = (data[at + 3]! << 8) | data[at + 4]!;
    if (length === 0) return invalid('empty handshake record');
    if (length > 16_384) return invalid('record too large');
    if (data.length < at + 5 + length) return at + 5 + length > MAX_CLIENT_HELLO_BYTES ? invalid('ClientHello too large') : { status: 'incomplete' };
    fragments.push(data.subarray(at + 5, at + 5 + length));
    collected += length;
    at += 5 + length;
    if (needed === -1 && collected >= 4) {
      const head = concat(fragments, 4);
      if (head[0] !== HANDSHAKE_CLIENT_HELLO) return invalid('first handshake message is not a ClientHello');
      needed = 4 + ((head[1]! << 16) | (head[2]! << 8) | head[3]!);
      if (needed > MAX_CLIENT_HELLO_BYTES) return invalid('ClientHello too large');
    }
    if (needed !== -1 && collected >= needed) return { status: 'ok', body: concat(fragments, needed).subarray(4) };
  }
}

function readHello(r: Reader): ClientHello {
  const major = r.u8();
  r.u8();
  if (major !== 3) throw new Malformed('unknown ClientHello version');
  r.skip(32); // random
  r.skip(r.u8Length(32)); // legacy_session_id
  const suites = r.u16();
  if (suites < 2 || suites % 2 !== 0) throw new Malformed('bad cipher_suites length');
  r.skip(suites);
  const compression = r.u8();
  if (compression < 1) throw new Malformed('bad compression_methods length');
  r.skip(compression);
  let serverName: string | null = null;
  let alpn: string[] = [];
  let signatureAlgorithms: number[] = [];
  // Extensions are optional before TLS 1.2; without them there is no SNI.
  if (r.remaining() === 0) return { serverName, alpn, signatureAlgorithms };
  const extensions = r.sub(r.u16());
  if (r.remaining() !== 0) throw new Malformed('trailing bytes after extensions');
  const seen = new Set<number>();
  while (extensions.remaining() > 0) {
    const type = extensions.u16();
    const body = extensions.sub(extensions.u16());
    // RFC 8446 §4.2: at most one extension of each type.
    if (seen.has(type)) throw new Malformed(`duplicate extension ${type}`);
    seen.add(type);
    if (type === EXT_SERVER_NAME) serverName = readServerName(body);
    else if (type === EXT_ALPN) alpn = readAlpn(body);
    else if (type === EXT_SIGNATURE_ALGORITHMS) signatureAlgorithms = readU16List(body);
  }
  return { serverName, alpn, signatureAlgorithms };
}

function readServerName(body: Reader): string | null {
  const list = body.sub(body.u16());
  body.end();
  let name: string | null = null;
  while (list.remaining() > 0) {
    const type = list.u8();
    const value = list.bytes(list.u16());
    if (type !== NAME_TYPE_HOST) continue;
    if (name !== null) throw new Malformed('more than one host_name');
    name = decodeHostName(value);
  }
  return name;
}

function decodeHostName(value: Uint8Array): string {
  if (value.length === 0 || value.length > 253) throw new Malformed('bad host_name length');
  let s = '';
  for (const b of value) s += String.fromCharCode(b >= 65 && b <= 90 ? b + 32 : b);
  if (!SNI_PATTERN.test(s)) throw new Malformed('host_name is not a DNS name');
  return s;
}

function readAlpn(body: Reader): string[] {
  const list = body.sub(body.u16());
  body.end();
  const out: string[] = [];
  while (list.remaining() > 0) {
    const value = list.bytes(list.u8());
    if (value.length === 0) throw new Malformed('empty ALPN protocol');
    out.push(String.fromCharCode(...value));
  }
  return out;
}

function readU16List(body: Reader): number[] {
  const length = body.u16();
  if (length % 2 !== 0) throw new Malformed('odd signature_algorithms length');
  const list = body.sub(length);
  body.end();
  const out: number[] = [];
  while (list.remaining() > 0) out.push(list.u16());
  return out;
}

class Malformed extends Error {}

/** Bounds-checked cursor over one byte range. */
class Reader {
  readonly #data: Uint8Array;
  #at = 0;

  constructor(data: Uint8Array) {
    this.#data = data;
  }

  remaining(): number {
    return this.#data.length - this.#at;
  }

  u8(): number {
    this.#need(1);
    return this.#data[this.#at++]!;
  }

  u16(): number {
    this.#need(2);
    const v = (this.#data[this.#at]! << 8) | this.#data[this.#at + 1]!;
    this.#at += 2;
    return v;
  }

  /** A one-byte length that must not exceed `max`. */
  u8Length(max: number): number {
    const n = this.u8();
    if (n > max) throw new Malformed('length out of range');
    return n;
  }

  bytes(n: number): Uint8Array {
    this.#need(n);
    const out = this.#data.subarray(this.#at, this.#at + n);
    this.#at += n;
    return out;
  }

  sub(n: number): Reader {
    return new Reader(this.bytes(n));
  }

  skip(n: number): void {
    this.bytes(n);
  }

  end(): void {
    if (this.remaining() !== 0) throw new Malformed('trailing bytes in extension');
  }

  #need(n: number): void {
    if (this.#at + n > this.#data.length) throw new Malformed('truncated');
  }
}

function invalid(reason: string): { status: 'invalid'; reason: string } {
  return { status: 'invalid', reason };
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 || parts[0]!.length >= length) return parts[0]!.subarray(0, length);
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    const n = Math.min(p.length, length - at);
    out.set(p.subarray(0, n), at);
    at += n;
    if (at === length) break;
  }
  return out;
}
