/**
 * HTTP/2 to endpoints of H2C clusters (Service appProtocol kubernetes.io/h2c): cleartext with prior
 * knowledge, or — when a BackendTLSPolicy targets the port (gRPC over TLS) — TLS with ALPN h2,
 * verified as HTTP/1.1 connections are (backend-tls.ts).
 *
 * One session per endpoint, shared by all requests (streams are multiplexed, so there is no idle
 * pool). A session that received GOAWAY or failed is retired: its streams finish, new requests get a
 * new session. Flow control is nghttp2's (per-stream and per-session windows, below); backpressure
 * is end to end: a request-body write that returns false pauses the client until the stream drains,
 * and a response chunk the client cannot take pauses the stream, which stops window updates to the
 * backend.
 *
 * Each stream offers the exchange the same surface as an HTTP/1.1 UpstreamConnection (send,
 * writeBody, endBody, abort, resumeResponse) and answers through the same UpstreamListener, so the
 * exchange needs nothing HTTP/2-specific: `send` receives the serialised HTTP/1.1 head the exchange
 * built once and reads it back into HTTP/2 headers (our own serialiser's output, so the parse is a
 * split). Request trailers are not forwarded on this hop (gRPC clients send none).
 */
import http2, { type ClientHttp2Session, type ClientHttp2Stream, type IncomingHttpHeaders } from 'node:http2';
import { CHUNKED, LENGTH, NO_BODY, type Framing } from '../http/h1/framing.ts';
import type { H1Response } from '../http/h1/response.ts';
import type { BackendTls } from './backend-tls.ts';
import type { UpstreamListener } from './upstream-connection.ts';

const { NGHTTP2_CANCEL } = http2.constants;

/** Windows we advertise to backends: 1 MiB per stream, and the session grows to 4 MiB on connect. */
const STREAM_WINDOW = 1 << 20;
const SESSION_WINDOW = 4 << 20;

// Connection-specific fields (RFC 9113 §8.2.2) never go on an HTTP/2 hop; `host` becomes :authority.
const DROP = new Set(['host', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te']);

/** Sessions whose TCP connection was established (a stream failing on one that never was is a connect error). */
const CONNECTED = new WeakSet<ClientHttp2Session>();

/** The HTTP/2 side of one endpoint: its current session. */
export class H2Endpoint {
  readonly address: string;
  readonly port: number;
  /** `:scheme` of requests on this endpoint: what the hop to the backend is. */
  readonly scheme: 'http' | 'https';
  readonly #tls: BackendTls | null;
  #session: ClientHttp2Session | null = null;
  #closed = false;

  constructor(address: string, port: number, tls: BackendTls | null = null) {
    this.address = address;
    this.port = port;
    this.#tls = tls;
    this.scheme = tls === null ? 'http' : 'https';
  }

  /** A new stream (not yet sent) on the current session. */
  stream(): H2UpstreamStream {
    return new H2UpstreamStream(this);
  }

  session(): ClientHttp2Session {
    const current = this.#session;
    if (current !== null && !current.closed && !current.destroyed) return current;
    const host = this.address.includes(':') ? `[${this.address}]` : this.address;
    const settings = { initialWindowSize: STREAM_WINDOW, enablePush: false };
    const tls = this.#tls === null ? {} : this.#tls.connectOptions(this.address, this.port);
    const session = http2.connect(`${this.scheme}://${host}:${this.port}`, { settings, ...tls });
    session.once('connect', () => {
      CONNECTED.add(session);
      session.setLocalWindowSize(SESSION_WINDOW);
    });
    session.on('error', () => {}); // each stream reports its own failure
    const retire = () => { if (this.#session === session) this.#session = null; };
    session.once('goaway', retire);
    session.once('close', retire);
    if (this.#closed) session.close();
    this.#session = session;
    return session;
  }

  /** Drains: no new streams here; the session closes once its streams end. */
  close(): void {
    this.#closed = true;
    this.#session?.close();
    this.#session = null;
  }

  destroy(): void {
    this.#closed = true;
    this.#session?.destroy();
    this.#session = null;
  }
}

/** One request on an H2 session, driven by the exchange like an HTTP/1.1 connection. */
export class H2UpstreamStream {
  readonly #endpoint: H2Endpoint;
  #listener: UpstreamListener | null = null;
  #stream: ClientHttp2Stream | null = null;
  #sawResponse = false;
  #trailers: string[] = [];

  constructor(endpoint: H2Endpoint) {
    this.#endpoint = endpoint;
  }

  /** Streams are never idle-pooled: the exchange always gets a fresh one. */
  get usable(): boolean {
    return this.#stream === null;
  }

  send(listener: UpstreamListener, head: string, method: string, body: 'none' | 'length' | 'chunked'): void {
    this.#listener = listener;
    const session = this.#endpoint.session();
    let stream: ClientHttp2Stream;
    try {
      stream = session.request(toH2Headers(head, this.#endpoint.scheme), { endStream: body === 'none' });
    } catch {
      return this.#fail('ECONNRESET', !CONNECTED.has(session));
    }
    this.#stream = stream;
    const headOnly = method === 'HEAD';
    stream.on('response', (headers, flags) => this.#onResponse(headers, headOnly || (flags & 1) === 1));
    stream.on('data', (chunk: Buffer) => { if (this.#listener !== null && !this.#listener.onUpstreamData(chunk)) stream.pause(); });
    stream.on('trailers', (_h, _f, raw: string[]) => { this.#trailers = withoutPseudo(raw); });
    stream.on('end', () => this.#onEnd());
    stream.on('drain', () => this.#listener?.onUpstreamDrain());
    stream.on('error', () => {});
    stream.on('close', () => {
      if (this.#listener === null) return;
      // Closed without a complete response: a refused stream, a reset, or a session that failed.
      this.#fail(stream.rstCode === http2.constants.NGHTTP2_REFUSED_STREAM ? 'EREFUSED' : 'ECONNRESET', !CONNECTED.has(session));
    });
  }

  writeBody(chunk: Buffer): boolean {
    const s = this.#stream;
    return s === null || s.destroyed ? true : s.write(chunk);
  }

  endBody(_trailers: readonly string[] | null): void {
    const s = this.#stream;
    if (s !== null && !s.destroyed && !s.writableEnded) s.end();
  }

  pauseResponse(): void {
    this.#stream?.pause();
  }

  resumeResponse(): void {
    this.#stream?.resume();
  }

  /** The exchange gave up (client gone, timeout): cancel this stream only; the session stays. */
  abort(): void {
    this.#listener = null;
    const s = this.#stream;
    if (s !== null && !s.destroyed) s.close(NGHTTP2_CANCEL);
  }

  close(): void {
    this.abort();
  }

  #onResponse(headers: IncomingHttpHeaders, ended: boolean): void {
    const listener = this.#listener;
    if (listener === null) return;
    this.#sawResponse = true;
    const raw = withoutPseudo(rawOf(headers));
    const lower: string[] = [];
    for (let i = 0; i < raw.length; i += 2) lower.push(raw[i]!);
    const length = headers['content-length'] === undefined ? -1 : Number(headers['content-length']);
    const framing: Framing = ended ? { kind: NO_BODY, length: 0 } : length >= 0 ? { kind: LENGTH, length } : { kind: CHUNKED, length: -1 };
    const response: H1Response = {
      status: Number(headers[':status']), reason: '', raw, lower, framing, declaredLength: length, keepAlive: true, connection: undefined,
    };
    listener.onUpstreamHead(response);
  }

  #onEnd(): void {
    const listener = this.#listener;
    this.#listener = null;
    listener?.onUpstreamEnd(this.#trailers);
  }

  #fail(code: string, connect: boolean): void {
    const listener = this.#listener;
    this.#listener = null;
    listener?.onUpstreamError({ code, connect, beforeResponse: !this.#sawResponse, reused: false });
  }
}

/** The exchange's serialised HTTP/1.1 request head → HTTP/2 headers. */
function toH2Headers(head: string, scheme: 'http' | 'https'): http2.OutgoingHttpHeaders {
  const lines = head.split('\r\n');
  const [method, target] = lines[0]!.split(' ');
  const out: http2.OutgoingHttpHeaders = { ':method': method!, ':path': target!, ':scheme': scheme };
  let grpc = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 2);
    if (name === 'host') out[':authority'] = value;
    if (DROP.has(name)) continue;
    if (name === 'content-type' && value.startsWith('application/grpc')) grpc = true;
    const seen = out[name];
    out[name] = seen === undefined ? value : [...[seen].flat().map(String), value];
  }
  // gRPC servers expect TE: trailers (the only TE value HTTP/2 allows); it was dropped as hop-by-hop.
  if (grpc) out.te = 'trailers';
  return out;
}

/** Flat raw header list of a response, from node's headers object (names are lower-case on HTTP/2). */
function rawOf(headers: IncomingHttpHeaders): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of [value].flat()) out.push(name, String(v));
  }
  return out;
}

function withoutPseudo(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.charCodeAt(0) !== 58 /* : */) out.push(raw[i]!, raw[i + 1]!);
  return out;
}
