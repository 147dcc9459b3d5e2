/**
 * One cleartext HTTP socket: HTTP/1.1 and HTTP/2 with prior knowledge (h2c) on the same port. The
 * first bytes of each connection are peeked: the HTTP/2 preface goes to an http2 server, anything
 * else to the HTTP/1.1 server. Both hand requests to the same proxy context, whose router an apply
 * swaps without touching the socket.
 */
import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import type { DataPlaneObserver } from '../observer.ts';
import type { Router } from '../routing/router.ts';
import type { RouteTarget } from '../runtime.ts';
import { handleRequest, type ProxyContext } from './proxy.ts';
import { handleUpgrade } from './upgrade.ts';

const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');

export interface HttpListenerOptions {
  /** Time allowed for a request head to arrive (also bounds the first bytes of a connection). */
  readonly headersTimeoutMs: number;
  /** Idle time after which a keep-alive client connection is closed. */
  readonly keepAliveTimeoutMs: number;
}

export class HttpListener {
  readonly ctx: ProxyContext;
  readonly #h1: http.Server;
  readonly #h2: http2.Http2Server;
  readonly #sockets = new Set<Socket>();
  readonly #sessions = new Set<http2.ServerHttp2Session>();
  readonly #options: HttpListenerOptions;
  #closed: Promise<void> | null = null;

  constructor(socketId: string, router: Router<RouteTarget>, observer: DataPlaneObserver, options: HttpListenerOptions) {
    this.#options = options;
    const ctx: ProxyContext = { router, socketId, draining: false, observer };
    this.ctx = ctx;
    this.#h1 = http.createServer({
      requireHostHeader: true,
      headersTimeout: options.headersTimeoutMs,
      keepAliveTimeout: options.keepAliveTimeoutMs,
      // Timeouts per route are ours; Node's whole-request timer would cut long uploads.
      requestTimeout: 0,
      noDelay: true,
    });
    this.#h1.on('request', (req, res) => handleRequest(ctx, req, res, false));
    this.#h1.on('checkContinue', (req, res) => handleRequest(ctx, req, res, true));
    this.#h1.on('upgrade', (req, socket, head) => handleUpgrade(ctx, req, socket, head));
    this.#h1.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      // Parser errors (CL+TE, bad chunking, oversized head...): 400 and close, never lenient.
      if (socket.writable && err.code !== 'ECONNRESET') socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.destroy();
    });
    this.#h2 = http2.createServer({});
    this.#h2.on('request', (req, res) => handleRequest(ctx, req, res, false));
    this.#h2.on('session', (session) => {
      this.#sessions.add(session);
      session.once('close', () => this.#sessions.delete(session));
      if (ctx.draining) session.close();
    });
    this.#h2.on('sessionError', () => {});
    // The h1 server owns the listening socket; its own connection handler runs only for HTTP/1.1.
    const h1Connection = this.#h1.listeners('connection')[0] as (socket: Socket) => void;
    this.#h1.removeAllListeners('connection');
    this.#h1.on('connection', (socket: Socket) => this.#onConnection(socket, h1Connection));
  }

  listen(address: string, port: number): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.#h1.once('error', onError);
      this.#h1.listen({ host: address, port }, () => {
        this.#h1.off('error', onError);
        resolve(this.#h1.address() as AddressInfo);
      });
    });
  }

  address(): AddressInfo | null {
    return this.#h1.address() as AddressInfo | null;
  }

  swap(router: Router<RouteTarget>): void {
    this.ctx.router = router;
  }

  /** Stops accepting, lets requests in flight finish until `deadlineMs`, then destroys what is left. */
  close(deadlineMs: number): Promise<void> {
    this.#closed ??= this.#drain(deadlineMs);
    return this.#closed;
  }

  async #drain(deadlineMs: number): Promise<void> {
    this.ctx.draining = true;
    if (this.#h1.listening) this.#h1.close();
    for (const session of this.#sessions) session.close();
    const deadline = Date.now() + deadlineMs;
    while (this.#sockets.size > 0 && Date.now() < deadline) {
      // Connections that finished their last response while draining are idle now: close them.
      this.#h1.closeIdleConnections();
      await new Promise((r) => setTimeout(r, 20));
    }
    for (const session of this.#sessions) session.destroy();
    for (const socket of this.#sockets) socket.destroy();
  }

  #onConnection(socket: Socket, h1Connection: (socket: Socket) => void): void {
    this.#sockets.add(socket);
    const observer = this.ctx.observer;
    observer.connectionOpened(this.ctx.socketId);
    socket.once('close', () => {
      this.#sockets.delete(socket);
      observer.connectionClosed(this.ctx.socketId);
    });
    socket.setTimeout(this.#options.headersTimeoutMs, () => socket.destroy());
    // The h1 server allows half-open sockets; a client that hangs up before sending a byte is gone.
    const onEnd = () => socket.destroy();
    socket.once('end', onEnd);
    socket.once('data', (chunk: Buffer) => {
      socket.setTimeout(0);
      socket.off('end', onEnd);
      socket.pause();
      socket.unshift(chunk);
      const n = Math.min(chunk.length, H2_PREFACE.length);
      if (chunk.compare(H2_PREFACE, 0, n, 0, n) === 0) {
        // The http2 session reads what is already buffered on the socket; it must not be resumed here.
        this.#h2.emit('connection', socket);
      } else {
        h1Connection.call(this.#h1, socket);
        socket.resume();
      }
    });
  }
}
