/**
 * The HTTP/2 front end: node:http2 parses frames, HPACK and flow control; each stream becomes a
 * RequestHead and an Exchange exactly like an HTTP/1.1 request, so routing, filters and upstreams
 * are shared. Used for h2c with prior knowledge today and for TLS+ALPN `h2` (the TLS listener hands
 * decrypted sockets to `HttpEngine.acceptConnection`).
 */
import http2, { type IncomingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import { Exchange } from '../exchange.ts';
import type { ConnectionInfo, FrontEnd, ListenerContext } from '../front-end.ts';
import { localBody } from '../local-reply.ts';
import { buildRequestHead, RequestHead } from '../request-head.ts';

const { NGHTTP2_INTERNAL_ERROR } = http2.constants;

export function serveH2Stream(ctx: ListenerContext, info: ConnectionInfo, stream: ServerHttp2Stream, headers: IncomingHttpHeaders, rawHeaders: readonly string[]): void {
  const front = new H2Front(info, stream);
  const raw: string[] = [];
  const lower: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.charCodeAt(0) === 58 /* : */) continue;
    raw.push(name, rawHeaders[i + 1]!);
    lower.push(name.toLowerCase());
  }
  const method = headers[':method'] ?? 'GET';
  const head = buildRequestHead({
    method, target: headers[':path'] ?? '', authority: headers[':authority'] ?? headers.host, hostHeader: headers[':authority'] === undefined ? undefined : headers.host,
    raw, lower,
  });
  if (!(head instanceof RequestHead) && head.status === 400) return front.refuse(400);
  const length = headers['content-length'];
  const exchange = new Exchange(ctx, front, head instanceof RequestHead ? head : new RequestHead(method, '', '/', '', raw, lower), {
    kind: stream.endAfterHeaders ? 'none' : length !== undefined ? 'length' : 'stream',
    expectContinue: false,
    upgrade: null,
    connection: undefined,
  });
  front.exchange = exchange;
  if (!stream.endAfterHeaders) {
    let trailers: string[] | null = null;
    stream.on('data', (chunk: Buffer) => { if (!exchange.onRequestData(chunk)) stream.pause(); });
    stream.on('trailers', (_t, _f, rawTrailers: string[]) => { trailers = rawTrailers; });
    stream.on('end', () => exchange.onRequestEnd(trailers));
  }
  stream.on('drain', () => exchange.onDownstreamDrain());
  stream.on('close', () => { if (!front.done) exchange.onRequestAborted(null); });
  stream.on('error', () => {});
  if (head instanceof RequestHead) exchange.start();
  else exchange.reply(307, ['Location', head.location]);
}

class H2Front implements FrontEnd {
  readonly info: ConnectionInfo;
  readonly protocol = 'HTTP/2';
  readonly #stream: ServerHttp2Stream;
  exchange: Exchange | null = null;
  headSent = false;
  done = false;
  #noBody = false;
  #trailers: readonly string[] | null = null;

  constructor(info: ConnectionInfo, stream: ServerHttp2Stream) {
    this.info = info;
    this.#stream = stream;
  }

  refuse(status: number): void {
    this.done = true;
    if (this.#stream.destroyed) return;
    this.#stream.respond({ ':status': status, 'content-type': 'text/plain; charset=utf-8' });
    this.#stream.end(localBody(status));
  }

  sendContinue(): void {
    if (!this.#stream.destroyed) this.#stream.additionalHeaders({ ':status': 100 });
  }

  sendHead(status: number, _reason: string, fields: string[], length: number, noBody: boolean): void {
    this.headSent = true;
    if (this.#stream.destroyed) return;
    const out: Record<string, string | string[] | number> = { ':status': status };
    for (let i = 0; i < fields.length; i += 2) {
      const name = fields[i]!.toLowerCase();
      const value = fields[i + 1]!;
      const seen = out[name];
      if (seen === undefined) out[name] = value;
      else if (name === 'set-cookie') out[name] = Array.isArray(seen) ? [...seen, value] : [String(seen), value];
      else out[name] = `${String(seen)}, ${value}`;
    }
    if (length >= 0) out['content-length'] = length;
    this.#noBody = noBody;
    this.#stream.respond(out, { endStream: noBody, waitForTrailers: !noBody && length < 0 });
    if (!noBody && length < 0) this.#stream.once('wantTrailers', () => this.#sendTrailers());
  }

  sendData(chunk: Buffer): boolean {
    if (this.#noBody || this.#stream.destroyed) return true;
    return this.#stream.write(chunk);
  }

  sendEnd(trailers: readonly string[] | null): void {
    this.#trailers = trailers;
    if (!this.#noBody && !this.#stream.destroyed) this.#stream.end();
  }

  abort(): void {
    if (!this.#stream.destroyed) this.#stream.close(NGHTTP2_INTERNAL_ERROR);
  }

  pauseRequest(): void {
    this.#stream.pause();
  }

  resumeRequest(): void {
    this.#stream.resume();
  }

  takeOver(): null {
    return null;
  }

  exchangeDone(): void {
    this.done = true;
  }

  #sendTrailers(): void {
    const out: Record<string, string> = {};
    const t = this.#trailers ?? [];
    for (let i = 0; i < t.length; i += 2) {
      const name = t[i]!.toLowerCase();
      out[name] = out[name] === undefined ? t[i + 1]! : `${out[name]}, ${t[i + 1]}`;
    }
    this.#stream.sendTrailers(out);
  }
}
