/**
 * The HTTP/1.1 engine's downstream side: one client connection, read straight off the socket.
 *
 * Per request: the strict head parser (head-parser.ts, request.ts, ../request-head.ts), then an
 * Exchange fed the body (Content-Length bytes or decoded chunks), then the response framed by
 * `sendHead/sendData/sendEnd`. Requests are served one at a time in arrival order: bytes of a
 * pipelined next request wait (socket paused) until the current response is written, so responses
 * can never be reordered and nothing behind a refused request is ever parsed. A refusal answers
 * with a clear status and `Connection: close`, half-closes, and discards whatever else arrives.
 *
 * Writes: a response head is held back and corked together with the first body bytes (one writev
 * for a small response); chunked output frames each chunk in the same cork.
 *
 * Timers: none per request. The engine's sweep (engine.ts) enforces the head deadline (408), the
 * whole-request deadline and stream idle timeout, the keep-alive idle timeout and the linger after
 * a refusal, reading the timestamps kept here. Stream activity is a counter bumped per read and per
 * write (no clock read per chunk); the sweep notices when it stops moving.
 */
import type { Duplex } from 'node:stream';
import { Exchange } from '../exchange.ts';
import type { EdgeLimits } from '../../limits.ts';
import type { ConnectionInfo, FrontEnd, ListenerContext, RequestBodyInfo } from '../front-end.ts';
import { localBody } from '../local-reply.ts';
import { buildRequestHead, RequestHead } from '../request-head.ts';
import { ChunkedDecoder, type ChunkSink } from './chunked.ts';
import { CHUNKED, LENGTH, NO_BODY } from './framing.ts';
import { FAILED, HeadParser, NEED_MORE } from './head-parser.ts';
import { MAX_HEAD_BYTES, MAX_HEADERS } from './limits.ts';
import { ParseError } from './parse-error.ts';
import { checkRequest, type H1Request } from './request.ts';
import { encodeFields, reasonPhrase } from './serialize.ts';

/** What the connection needs from the engine that owns it. */
export interface H1Owner {
  readonly ctx: ListenerContext;
  /** The first bytes were the HTTP/2 preface: hand the socket to HTTP/2. */
  switchToH2(socket: Duplex, info: ConnectionInfo, firstBytes: Buffer): void;
  /** A request refused before it became an exchange, for metrics and access logs. */
  recordRefusal(info: ConnectionInfo, status: number, protocol: string): void;
}

const READ_HEAD = 0;
const READ_BODY = 1;
const WAIT = 2;
const CLOSING = 3;
const TUNNEL = 4;

const REQUEST_LIMITS = { maxBytes: MAX_HEAD_BYTES, maxFields: MAX_HEADERS, tooLargeStatus: 431 } as const;
const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
const EMPTY = Buffer.alloc(0);
/** A body this small is read and dropped after an early answer, so the connection can be kept. */
const MAX_DISCARD = 64 * 1024;
const CONTINUE = 'HTTP/1.1 100 Continue\r\n\r\n';

export class H1ServerConnection implements FrontEnd, ChunkSink {
  readonly socket: Duplex;
  readonly info: ConnectionInfo;
  protocol = 'HTTP/1.1';
  headSent = false;
  /** Timestamps (performance.now) read by the engine's sweep. */
  readonly connectedAt = performance.now();
  headStartedAt = 0;
  idleSince = 0;
  closingSince = 0;
  served = 0;
  /** Bumped on every read and body write; the sweep compares it with what it saw last time. */
  activity = 0;
  #sweptActivity = -1;
  #activeAt = 0;
  readonly #owner: H1Owner;
  readonly #parser = new HeadParser(REQUEST_LIMITS, true);
  readonly #decoder = new ChunkedDecoder(this);
  #state = READ_HEAD;
  #sniffing: Buffer | null;
  #request: H1Request | null = null;
  #exchange: Exchange | null = null;
  #remaining = 0;
  #pending: Buffer | null = null;
  #paused = false;
  #wantPause = false;
  #processing = false;
  #keepAlive = true;
  #requestDone = true;
  #headMethod = false;
  #headOut: string | null = null;
  #chunkedOut = false;
  #noBodyOut = false;
  readonly #onData = (b: Buffer) => this.#receive(b);
  readonly #onDrain = () => this.#exchange?.onDownstreamDrain();
  readonly #onEnd = () => this.#peerEnded();

  constructor(owner: H1Owner, socket: Duplex, info: ConnectionInfo, sniffH2: boolean) {
    this.#owner = owner;
    this.socket = socket;
    this.info = info;
    this.#sniffing = sniffH2 ? EMPTY : null;
    socket.on('data', this.#onData);
    socket.on('drain', this.#onDrain);
    socket.on('end', this.#onEnd);
    socket.on('error', () => socket.destroy());
    socket.once('close', () => this.#closed());
  }

  /** Idle between requests: nothing of a request has arrived and nothing is being answered. */
  get idle(): boolean {
    return this.#state === READ_HEAD && !this.#parser.started;
  }

  get state(): number {
    return this.#state;
  }

  /** Engine sweep: head and whole-request deadlines, stream idle, keep-alive idle, linger after a refusal. */
  sweep(now: number, limits: EdgeLimits, lingerMs: number): void {
    const state = this.#state;
    if (state === READ_HEAD) {
      if (this.#parser.started || this.served === 0) {
        const since = this.#parser.started ? this.headStartedAt : this.connectedAt;
        if (now - since > limits.headersMs) this.#refuse(new ParseError(408, 'request head not received in time'));
      } else if (now - this.idleSince > limits.downstreamIdleMs || this.#owner.ctx.draining) {
        this.socket.destroy();
      }
    } else if (state === READ_BODY || state === WAIT) {
      if (this.activity !== this.#sweptActivity) {
        this.#sweptActivity = this.activity;
        this.#activeAt = now;
      }
      const exchange = this.#exchange;
      if (exchange === null) return;
      // Slow POST: the body must be complete within the whole-request deadline, and keep moving.
      if (state === READ_BODY && (now - this.headStartedAt > limits.requestMs || now - this.#activeAt > limits.streamIdleMs)) {
        this.#keepAlive = false;
        exchange.onRequestAborted(408);
      } else if (state === WAIT && now - this.#activeAt > limits.streamIdleMs) {
        exchange.onTimeout(); // 504 before a response head, else the connection is cut
      }
    } else if (state === CLOSING && now - this.closingSince > lingerMs) {
      this.socket.destroy();
    }
  }

  // ---- reading ----

  #receive(buf: Buffer): void {
    this.activity++;
    if (this.#sniffing !== null) {
      buf = this.#sniffing.length === 0 ? buf : Buffer.concat([this.#sniffing, buf]);
      const n = Math.min(buf.length, H2_PREFACE.length);
      if (buf.compare(H2_PREFACE, 0, n, 0, n) === 0) {
        if (n < H2_PREFACE.length) return void (this.#sniffing = buf);
        return this.#handOverToH2(buf);
      }
      this.#sniffing = null;
    }
    if (this.#paused || this.#processing) {
      this.#pending = this.#pending === null ? buf : Buffer.concat([this.#pending, buf]);
      return;
    }
    this.#process(buf, 0);
  }

  #process(buf: Buffer, pos: number): void {
    this.#processing = true;
    try {
      while (pos < buf.length) {
        const state = this.#state;
        if (state === READ_HEAD) {
          if (!this.#parser.started) this.headStartedAt = performance.now();
          const r = this.#parser.feed(buf, pos, buf.length);
          if (r === NEED_MORE) return;
          if (r === FAILED) return this.#refuse(this.#parser.error!);
          pos = r;
          this.#onHead(buf, pos);
        } else if (state === READ_BODY) {
          pos = this.#readBody(buf, pos);
          if (this.#wantPause) {
            this.#wantPause = false;
            if (this.#state === READ_BODY || this.#state === WAIT) return this.#pause(buf, pos);
          }
        } else if (state === WAIT) {
          return this.#pause(buf, pos); // a pipelined request: it waits for the current response
        } else {
          return; // CLOSING discards; TUNNEL never gets here
        }
      }
    } finally {
      this.#processing = false;
    }
  }

  #pause(buf: Buffer, pos: number): void {
    if (pos < buf.length) this.#pending = this.#pending === null ? buf.subarray(pos) : Buffer.concat([buf.subarray(pos), this.#pending]);
    this.#paused = true;
    this.socket.pause();
  }

  #onHead(buf: Buffer, pos: number): void {
    const req = checkRequest(this.#parser);
    if (req instanceof ParseError) return this.#refuse(req);
    this.#request = req;
    this.protocol = req.minor === 1 ? 'HTTP/1.1' : 'HTTP/1.0';
    const head = buildRequestHead({ method: req.method, target: req.target, authority: req.host, raw: req.raw, lower: req.lower });
    if (!(head instanceof RequestHead)) {
      if (head.status === 400) return this.#refuse(new ParseError(400, head.reason));
    }
    const kind = req.framing.kind;
    // Bytes of a chunked body that came with the head are checked before anything is forwarded,
    // so a malformed body in the same packet never reaches a backend at all.
    if (kind === CHUNKED && pos < buf.length && !prevalidateChunks(buf, pos)) return this.#refuse(new ParseError(400, 'malformed chunked body'));
    this.served++;
    this.headSent = false;
    this.#keepAlive = req.keepAlive && !this.#owner.ctx.draining;
    this.#headMethod = req.method === 'HEAD';
    this.#requestDone = kind === NO_BODY;
    this.#remaining = req.framing.length;
    if (kind === CHUNKED) this.#decoder.reset();
    this.#state = kind === NO_BODY ? WAIT : READ_BODY;
    const body: RequestBodyInfo = {
      kind: kind === NO_BODY ? 'none' : kind === LENGTH ? 'length' : 'stream',
      expectContinue: req.expectContinue,
      upgrade: req.upgrade,
      connection: req.connection,
    };
    const exchange = new Exchange(this.#owner.ctx, this, head instanceof RequestHead ? head : placeholderHead(req), body);
    this.#exchange = exchange;
    if (head instanceof RequestHead) exchange.start();
    else exchange.reply(307, ['Location', head.location]);
  }

  /** Returns the new offset. Sets #wantPause when the exchange asks for backpressure. */
  #readBody(buf: Buffer, pos: number): number {
    if (this.#request!.framing.kind === LENGTH) {
      const n = Math.min(this.#remaining, buf.length - pos);
      this.#remaining -= n;
      const chunk = pos === 0 && n === buf.length ? buf : buf.subarray(pos, pos + n);
      if (this.#exchange !== null && !this.#exchange.onRequestData(chunk)) this.#wantPause = true;
      if (this.#remaining === 0) this.#bodyDone(null);
      return pos + n;
    }
    const r = this.#decoder.feed(buf, pos, buf.length);
    if (r === FAILED) {
      this.#bodyError(this.#decoder.error!);
      return buf.length;
    }
    if (r === NEED_MORE) return buf.length;
    this.#bodyDone(this.#decoder.trailers.length > 0 ? this.#decoder.trailers : null);
    return r;
  }

  onBodyData(data: Buffer): void {
    if (this.#exchange !== null && !this.#exchange.onRequestData(data)) this.#wantPause = true;
  }

  #bodyDone(trailers: readonly string[] | null): void {
    this.#requestDone = true;
    const exchange = this.#exchange;
    if (exchange === null) return this.#next(); // answered early; the body was only being drained
    this.#state = WAIT;
    exchange.onRequestEnd(trailers);
  }

  #bodyError(err: ParseError): void {
    this.#keepAlive = false;
    const exchange = this.#exchange;
    if (exchange !== null) exchange.onRequestAborted(err.status);
    else this.#refuse(err);
    this.#close();
  }

  #peerEnded(): void {
    // The client half-closed. A request in progress is still answered; nothing more will come.
    this.#keepAlive = false;
    if (this.#state === READ_HEAD || this.#state === CLOSING) this.socket.destroy();
    else if (this.#state === READ_BODY) this.#exchange?.onRequestAborted(400);
  }

  // ---- the next request ----

  exchangeDone(): void {
    this.#exchange = null;
    if (this.#state === TUNNEL || this.#state === CLOSING) return;
    if (!this.#requestDone) {
      // Answered before the body was read: drop a small body and carry on, else close.
      const r = this.#request!;
      if (this.#keepAlive && r.framing.kind === LENGTH && this.#remaining <= MAX_DISCARD) return this.resumeRequest();
      return this.#close();
    }
    this.#next();
  }

  #next(): void {
    if (!this.#keepAlive || this.#owner.ctx.draining) return this.#close();
    this.#state = READ_HEAD;
    this.#request = null;
    this.#parser.reset();
    this.idleSince = performance.now();
    if (!this.#processing) this.resumeRequest();
  }

  resumeRequest(): void {
    if (!this.#paused && this.#pending === null) return;
    this.#paused = false;
    const pending = this.#pending;
    this.#pending = null;
    if (pending !== null && !this.#processing) this.#process(pending, 0);
    else if (pending !== null) this.#pending = pending;
    if (!this.#paused && this.#state !== TUNNEL) this.socket.resume();
  }

  pauseRequest(): void {
    this.#paused = true;
    this.socket.pause();
  }

  // ---- writing ----

  sendContinue(): void {
    this.socket.write(CONTINUE, 'latin1');
  }

  sendHead(status: number, reason: string, fields: string[], length: number, noBody: boolean): void {
    this.headSent = true;
    if (status === 101) {
      this.socket.write(`HTTP/1.1 101 ${reason}\r\n${encodeFields(fields)}\r\n`, 'latin1');
      return;
    }
    const req = this.#request;
    if (req !== null && req.upgrade !== null) this.#keepAlive = false; // declined upgrade: the client may already send frames
    if (!this.#requestDone && !(req !== null && req.framing.kind === LENGTH && this.#remaining <= MAX_DISCARD)) this.#keepAlive = false;
    if (this.#owner.ctx.draining) this.#keepAlive = false;
    let head = `HTTP/1.1 ${status} ${reason}\r\n${encodeFields(fields)}`;
    this.#noBodyOut = noBody || this.#headMethod;
    this.#chunkedOut = false;
    if (length >= 0) {
      head += `Content-Length: ${length}\r\n`;
    } else if (!this.#noBodyOut) {
      if (this.protocol === 'HTTP/1.1') {
        head += 'Transfer-Encoding: chunked\r\n';
        this.#chunkedOut = true;
      } else {
        this.#keepAlive = false; // HTTP/1.0 and no length: the close delimits the body
      }
    }
    if (!this.#keepAlive) head += 'Connection: close\r\n';
    else if (this.protocol === 'HTTP/1.0') head += 'Connection: keep-alive\r\n';
    this.#headOut = `${head}\r\n`;
  }

  sendData(chunk: Buffer): boolean {
    this.activity++;
    if (this.#noBodyOut || chunk.length === 0) return true;
    const socket = this.socket;
    const head = this.#headOut;
    if (head === null && !this.#chunkedOut) return socket.write(chunk);
    socket.cork();
    if (head !== null) {
      this.#headOut = null;
      socket.write(head, 'latin1');
    }
    if (this.#chunkedOut) socket.write(`${chunk.length.toString(16)}\r\n`, 'latin1');
    let ok = socket.write(chunk);
    if (this.#chunkedOut) ok = socket.write('\r\n', 'latin1');
    socket.uncork();
    return ok;
  }

  sendEnd(trailers: readonly string[] | null): void {
    let tail = '';
    if (this.#chunkedOut) tail = `0\r\n${trailers === null ? '' : encodeFields(trailers)}\r\n`;
    const head = this.#headOut;
    this.#headOut = null;
    this.#chunkedOut = false;
    if (head !== null) this.socket.write(tail === '' ? head : head + tail, 'latin1');
    else if (tail !== '') this.socket.write(tail, 'latin1');
  }

  abort(): void {
    this.#state = CLOSING;
    this.socket.destroy();
  }

  takeOver(): { socket: Duplex; head: Buffer } | null {
    if (this.socket.destroyed) return null;
    this.#state = TUNNEL;
    this.socket.off('data', this.#onData);
    this.socket.off('drain', this.#onDrain);
    this.socket.off('end', this.#onEnd);
    const head = this.#pending ?? EMPTY;
    this.#pending = null;
    this.#paused = false;
    return { socket: this.socket, head };
  }

  /** The listener drains: close now if idle, else after the response in progress. */
  drain(): void {
    this.#keepAlive = false;
    if (this.idle) this.socket.destroy();
  }

  // ---- closing ----

  /** Refuses the request being read: answer, half-close, discard the rest. Never forwards anything. */
  #refuse(err: ParseError): void {
    if (this.#state === CLOSING || this.#state === TUNNEL) return;
    const exchange = this.#exchange;
    if (exchange !== null) {
      this.#keepAlive = false;
      return exchange.onRequestAborted(err.status);
    }
    const body = localBody(err.status);
    this.socket.write(`HTTP/1.1 ${err.status} ${reasonPhrase(err.status)}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString('latin1')}`, 'latin1');
    this.#owner.recordRefusal(this.info, err.status, this.protocol);
    this.#close();
  }

  #close(): void {
    if (this.#state === CLOSING || this.#state === TUNNEL) return;
    this.#state = CLOSING;
    this.closingSince = performance.now();
    this.#pending = null;
    // Half-close: our answer is flushed, then FIN; what the client still sends is read and dropped
    // (so no RST can destroy the answer in flight) until it closes or the linger time runs out.
    this.socket.end();
    if (this.#paused) {
      this.#paused = false;
      this.socket.resume();
    }
  }

  #closed(): void {
    this.#state = CLOSING;
    const exchange = this.#exchange;
    this.#exchange = null;
    exchange?.onRequestAborted(null);
  }

  #handOverToH2(buf: Buffer): void {
    this.#state = TUNNEL;
    this.socket.off('data', this.#onData);
    this.socket.off('drain', this.#onDrain);
    this.socket.off('end', this.#onEnd);
    this.#owner.switchToH2(this.socket, this.info, buf);
  }
}

/** Scratch check of the chunked body bytes that arrived with the head. */
function prevalidateChunks(buf: Buffer, pos: number): boolean {
  return new ChunkedDecoder(NULL_SINK).feed(buf, pos, buf.length) !== FAILED;
}

const NULL_SINK: ChunkSink = { onBodyData() {} };

/** A RequestHead for a request answered before routing (the path-normalisation redirect). */
function placeholderHead(req: H1Request): RequestHead {
  return new RequestHead(req.method, req.host ?? '', '/', '', req.raw, req.lower);
}
