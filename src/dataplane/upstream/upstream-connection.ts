/**
 * One raw-socket HTTP/1.1 connection to a backend endpoint, used by one request at a time and
 * pooled in between (endpoint-pool.ts). It writes the request head and body (re-chunking bodies of
 * unknown length) and parses the response strictly with the same codec as the client side. Any
 * doubt about where a response ends — a parse error, a body delimited by close, `Connection: close`,
 * bytes arriving while no request is outstanding, a response that ends before its request was
 * fully sent — retires the connection instead of returning it to the pool.
 *
 * Events go to the `UpstreamListener` of the request in flight (the exchange); there is one set of
 * socket handlers per connection, not per request.
 */
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { ChunkedDecoder, type ChunkSink } from '../http/h1/chunked.ts';
import { CHUNKED, LENGTH, NO_BODY, UNTIL_CLOSE } from '../http/h1/framing.ts';
import { FAILED, HeadParser, NEED_MORE } from '../http/h1/head-parser.ts';
import { MAX_HEAD_BYTES, MAX_HEADERS } from '../http/h1/limits.ts';
import { checkResponse, type H1Response } from '../http/h1/response.ts';
import { ParseError } from '../http/h1/parse-error.ts';
import { encodeTrailers } from '../http/h1/serialize.ts';
import type { BackendTls } from './backend-tls.ts';

export interface UpstreamError {
  /** errno-style code (`ECONNREFUSED`, `ECONNRESET`, ...) or `EPROTO` for a malformed response. */
  readonly code: string;
  /** The TCP connection was never established. */
  readonly connect: boolean;
  /** No byte of a response had arrived. */
  readonly beforeResponse: boolean;
  /** The connection had served an earlier request (a stale keep-alive connection is the usual cause). */
  readonly reused: boolean;
  /** What was wrong with a malformed response. */
  readonly reason?: string;
}

/** What the request in flight hears from its connection. */
export interface UpstreamListener {
  onUpstreamContinue(): void;
  onUpstreamHead(response: H1Response): void;
  /** False asks the connection to stop reading until `resumeResponse()`. */
  onUpstreamData(chunk: Buffer): boolean;
  onUpstreamEnd(trailers: readonly string[]): void;
  onUpstreamError(error: UpstreamError): void;
  /** The request body may flow again after `writeBody` returned false. */
  onUpstreamDrain(): void;
  /** 101: the socket now belongs to the listener, with any bytes read past the head. */
  onUpstreamUpgrade(response: H1Response, socket: Duplex, head: Buffer): void;
}

export interface ConnectionOwner {
  readonly address: string;
  readonly port: number;
  /** TLS origination for this endpoint (BackendTLSPolicy), null for cleartext. */
  readonly tls: BackendTls | null;
  release(conn: UpstreamConnection): void;
  forget(conn: UpstreamConnection): void;
}

const IDLE = 0;
const HEAD = 1;
const BODY = 2;
const DEAD = 3;

const RESPONSE_LIMITS = { maxBytes: MAX_HEAD_BYTES, maxFields: MAX_HEADERS, tooLargeStatus: 431 } as const;
const CRLF = '\r\n';

export class UpstreamConnection implements ChunkSink {
  readonly socket: net.Socket;
  /** When it last went idle (ms, for the idle sweep). */
  idleSince = 0;
  readonly #owner: ConnectionOwner;
  readonly #parser = new HeadParser(RESPONSE_LIMITS, true);
  readonly #decoder = new ChunkedDecoder(this);
  #listener: UpstreamListener | null = null;
  #state = IDLE;
  #connected = false;
  #served = 0;
  #reused = false;
  #headMethod = false;
  #chunkedRequest = false;
  #requestDone = false;
  #sawResponse = false;
  #response: H1Response | null = null;
  #remaining = 0;
  #error: NodeJS.ErrnoException | null = null;

  constructor(owner: ConnectionOwner) {
    this.#owner = owner;
    const tls = owner.tls;
    this.socket = tls === null ? net.connect({ host: owner.address, port: owner.port, noDelay: true }) : tls.connect(owner.address, owner.port);
    // Over TLS the connection is up once the handshake verified the backend: a refused certificate
    // is a connect error (never retried on this endpoint as a stale connection, counted per reason).
    this.socket.on(tls === null ? 'connect' : 'secureConnect', () => { this.#connected = true; });
    this.socket.on('data', (b: Buffer) => this.#onData(b));
    this.socket.on('drain', () => this.#listener?.onUpstreamDrain());
    this.socket.on('error', (err: NodeJS.ErrnoException) => { this.#error ??= err; });
    this.socket.on('close', () => this.#onClose());
  }

  get usable(): boolean {
    return this.#state === IDLE && !this.socket.destroyed;
  }

  /** Starts a request: writes its head now (body bytes follow with writeBody/endBody). */
  send(listener: UpstreamListener, head: string, method: string, body: 'none' | 'length' | 'chunked'): void {
    this.#listener = listener;
    this.#state = HEAD;
    this.#reused = this.#served > 0;
    this.#served++;
    this.#headMethod = method === 'HEAD';
    this.#chunkedRequest = body === 'chunked';
    this.#requestDone = body === 'none';
    this.#sawResponse = false;
    this.#parser.reset();
    this.socket.write(head, 'latin1');
  }

  writeBody(chunk: Buffer): boolean {
    if (this.#state === DEAD) return true;
    if (!this.#chunkedRequest) return this.socket.write(chunk);
    if (chunk.length === 0) return true;
    this.socket.cork();
    this.socket.write(`${chunk.length.toString(16)}\r\n`, 'latin1');
    this.socket.write(chunk);
    const ok = this.socket.write(CRLF, 'latin1');
    this.socket.uncork();
    return ok;
  }

  endBody(trailers: readonly string[] | null): void {
    if (this.#state === DEAD) return;
    if (this.#chunkedRequest) this.socket.write(`0\r\n${trailers === null ? '' : encodeTrailers(trailers)}\r\n`, 'latin1');
    this.#requestDone = true;
  }

  pauseResponse(): void {
    this.socket.pause();
  }

  resumeResponse(): void {
    this.socket.resume();
  }

  /** The request was abandoned (client gone, timeout): the connection cannot be trusted any more. */
  abort(): void {
    this.#listener = null;
    this.#kill();
  }

  /** Closes an idle connection (pool drain, idle timeout). */
  close(): void {
    this.#kill();
  }

  /** Chunk data from the decoder. */
  onBodyData(data: Buffer): void {
    if (this.#listener !== null && !this.#listener.onUpstreamData(data)) this.socket.pause();
  }

  #onData(buf: Buffer): void {
    if (this.#listener === null || this.#state === IDLE) return this.#kill(); // bytes nobody asked for
    this.#sawResponse = true;
    let pos = 0;
    while (pos < buf.length && this.#listener !== null) {
      if (this.#state === HEAD) {
        const r = this.#parser.feed(buf, pos, buf.length);
        if (r === NEED_MORE) return;
        if (r === FAILED) return this.#protocolError(this.#parser.error!);
        pos = r;
        const response = checkResponse(this.#parser, this.#headMethod);
        if (response instanceof ParseError) return this.#protocolError(response);
        if (response.status < 200) {
          this.#parser.reset();
          if (response.status === 101) return this.#upgrade(response, buf.subarray(pos));
          if (response.status === 100) this.#listener.onUpstreamContinue();
          continue;
        }
        this.#response = response;
        this.#listener.onUpstreamHead(response);
        if (this.#listener === null) return; // the listener gave the response up (a retry cut the connection)
        if (response.framing.kind === NO_BODY) {
          this.#complete([]);
          continue;
        }
        this.#state = BODY;
        this.#remaining = response.framing.length;
        if (response.framing.kind === CHUNKED) this.#decoder.reset();
      } else {
        pos = this.#body(buf, pos);
        if (pos < 0) return;
      }
    }
    if (pos < buf.length && this.#state !== DEAD) this.#kill(); // bytes past the response
  }

  /** Consumes body bytes; returns the new offset, or -1 when done with this buffer. */
  #body(buf: Buffer, pos: number): number {
    const kind = this.#response!.framing.kind;
    if (kind === LENGTH) {
      const n = Math.min(this.#remaining, buf.length - pos);
      this.#remaining -= n;
      const more = this.#listener!.onUpstreamData(pos === 0 && n === buf.length ? buf : buf.subarray(pos, pos + n));
      if (!more) this.socket.pause();
      if (this.#remaining === 0) this.#complete([]);
      return pos + n;
    }
    if (kind === UNTIL_CLOSE) {
      if (!this.#listener!.onUpstreamData(pos === 0 ? buf : buf.subarray(pos))) this.socket.pause();
      return -1;
    }
    const r = this.#decoder.feed(buf, pos, buf.length);
    if (r === NEED_MORE) return -1;
    if (r === FAILED) {
      this.#protocolError(this.#decoder.error!);
      return -1;
    }
    this.#complete(this.#decoder.trailers);
    return r;
  }

  #complete(trailers: readonly string[]): void {
    const listener = this.#listener!;
    this.#listener = null;
    this.#state = IDLE;
    // An answer that came before its request was fully sent leaves the connection mid-request: retire.
    // Released before the listener hears of it, so a pipelined next request can reuse it at once.
    if (this.#requestDone && this.#response!.keepAlive && !this.socket.destroyed) this.#owner.release(this);
    else this.#kill();
    listener.onUpstreamEnd(trailers);
  }

  #upgrade(response: H1Response, rest: Buffer): void {
    const listener = this.#listener!;
    this.#listener = null;
    this.#state = DEAD;
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('drain');
    this.socket.removeAllListeners('close');
    this.#owner.forget(this);
    listener.onUpstreamUpgrade(response, this.socket, rest);
  }

  #protocolError(err: ParseError): void {
    const listener = this.#listener;
    const beforeResponse = this.#state === HEAD;
    this.#listener = null;
    this.#kill();
    listener?.onUpstreamError({ code: 'EPROTO', reason: err.reason, connect: false, beforeResponse, reused: this.#reused });
  }

  #onClose(): void {
    const wasState = this.#state;
    this.#state = DEAD;
    this.#owner.forget(this);
    const listener = this.#listener;
    if (listener === null) return;
    this.#listener = null;
    if (wasState === BODY && this.#response?.framing.kind === UNTIL_CLOSE && this.#error === null) {
      listener.onUpstreamEnd([]);
      return;
    }
    listener.onUpstreamError({
      code: this.#error?.code ?? 'ECONNRESET',
      connect: !this.#connected,
      beforeResponse: !this.#sawResponse,
      reused: this.#reused,
    });
  }

  #kill(): void {
    if (this.#state !== DEAD) {
      this.#state = DEAD;
      this.#owner.forget(this);
    }
    this.socket.destroy();
  }
}
