/**
 * The HTTP engine of one IR socket: takes connections from any transport and serves them.
 * `acceptConnection(socket, info)` is the entry point for the cleartext listener (http-listener.ts)
 * and for the TLS listener, which hands over decrypted sockets: ALPN `h2` goes to HTTP/2
 * (node:http2), everything else to the raw-socket HTTP/1.1 engine (h1/server-connection.ts), which
 * on cleartext also recognises the HTTP/2 prior-knowledge preface and hands those over. Both feed
 * the same Exchange, router and upstream pools.
 *
 * One sweep timer per engine enforces the head deadline (408), the whole-request deadline and
 * stream idle timeout (slowloris, slow POST), keep-alive idle and linger timeouts of every HTTP/1.1
 * connection; there are no timers per request or per connection. Connections beyond the worker's
 * budget (limits.ts) are destroyed on accept.
 *
 * Sockets handed in should allow half-open (`allowHalfOpen: true`): a client that half-closes after
 * its request still gets its answer.
 */
import http2 from 'node:http2';
import type { Duplex } from 'node:stream';
import type { ConnectionBudget, EdgeLimits } from '../limits.ts';
import type { DataPlaneObserver } from '../observer.ts';
import { NOOP_OBSERVER } from '../observer.ts';
import type { Router } from '../routing/router.ts';
import type { RouteTarget } from '../runtime.ts';
import type { ConnectionInfo, ListenerContext } from './front-end.ts';
import { H1ServerConnection, type H1Owner } from './h1/server-connection.ts';
import { configureSession, H2_SERVER_SETTINGS, watchResets } from './h2/h2-limits.ts';
import { serveH2Stream } from './h2/h2-stream.ts';

export interface HttpEngineOptions {
  /** The socket's limits at creation; `configure` replaces them on later applies. */
  readonly limits: EdgeLimits;
  /** Shared by every socket of the data plane: the per-worker connection cap. */
  readonly budget: ConnectionBudget;
}

/** How long a refused connection keeps reading (and dropping) before it is cut. */
const LINGER_MS = 2_000;

export class HttpEngine implements H1Owner {
  readonly ctx: ListenerContext;
  readonly #budget: ConnectionBudget;
  readonly #h2: http2.Http2Server;
  readonly #h1 = new Set<H1ServerConnection>();
  readonly #sockets = new Set<Duplex>();
  readonly #sessions = new Set<http2.ServerHttp2Session>();
  /** Connection info per HTTP/2 session (session.socket is a proxy object, so sessions are the key). */
  readonly #infos = new WeakMap<http2.Http2Session, ConnectionInfo>();
  #handingOver: ConnectionInfo | null = null;
  #sweep: NodeJS.Timeout;
  #sweepEvery = 0;

  constructor(socketId: string, router: Router<RouteTarget>, observer: DataPlaneObserver, options: HttpEngineOptions) {
    this.ctx = { router, socketId, draining: false, observer, limits: options.limits };
    this.#budget = options.budget;
    this.#h2 = http2.createServer({ maxSessionMemory: 64, settings: H2_SERVER_SETTINGS });
    this.#h2.on('stream', (stream, headers, _flags, rawHeaders: string[]) => {
      const info = (stream.session && this.#infos.get(stream.session)) ?? { scheme: 'http', peer: '', localPort: 0 };
      serveH2Stream(this.ctx, info, stream, headers, rawHeaders);
    });
    this.#h2.on('session', (session) => {
      // Emitted synchronously from #startH2's emit('connection'), so #handingOver is this session's.
      if (this.#handingOver !== null) this.#infos.set(session, this.#handingOver);
      configureSession(session);
      session.on('stream', (stream: http2.ServerHttp2Stream) => watchResets(session, stream));
      // Downstream idle for HTTP/2: one timer per session (node:http2's own), not per stream.
      session.setTimeout(this.ctx.limits.downstreamIdleMs, () => session.close());
      this.#sessions.add(session);
      session.once('close', () => this.#sessions.delete(session));
      if (this.ctx.draining) session.close();
    });
    this.#h2.on('sessionError', () => {});
    this.#sweep = this.#startSweep();
  }

  swap(router: Router<RouteTarget>): void {
    this.ctx.router = router;
  }

  /** New limits from an apply: open connections are judged by them from the next sweep on. */
  configure(limits: EdgeLimits): void {
    this.ctx.limits = limits;
    if (sweepInterval(limits) === this.#sweepEvery) return;
    clearInterval(this.#sweep);
    this.#sweep = this.#startSweep();
  }

  get connections(): number {
    return this.#sockets.size;
  }

  acceptConnection(socket: Duplex, info: ConnectionInfo): void {
    if (this.ctx.draining) return void socket.destroy();
    const budget = this.#budget;
    if (!budget.admit(this.ctx.limits.maxConnections)) return void socket.destroy();
    this.#sockets.add(socket);
    const observer = this.ctx.observer;
    observer.connectionOpened(this.ctx.socketId);
    socket.once('close', () => {
      budget.release();
      this.#sockets.delete(socket);
      observer.connectionClosed(this.ctx.socketId);
    });
    if (info.alpn === 'h2') return this.#startH2(socket, info);
    const conn = new H1ServerConnection(this, socket, info, info.scheme === 'http' && !info.alpn);
    this.#h1.add(conn);
    socket.once('close', () => this.#h1.delete(conn));
  }

  switchToH2(socket: Duplex, info: ConnectionInfo, firstBytes: Buffer): void {
    for (const conn of this.#h1) if (conn.socket === socket) this.#h1.delete(conn);
    socket.pause();
    socket.unshift(firstBytes);
    this.#startH2(socket, info);
  }

  recordRefusal(info: ConnectionInfo, status: number, protocol: string): void {
    if (this.ctx.observer === NOOP_OBSERVER) return;
    this.ctx.observer.requestEnded({
      socketId: this.ctx.socketId, listenerId: null, routeId: null, clusterId: null, endpoint: null, method: '', host: '', path: '',
      status, durationMs: 0, protocol, peer: info.peer, requestId: null,
    });
  }

  /** Stops taking requests, lets those in flight finish until `deadlineMs`, then destroys what is left. */
  async close(deadlineMs: number): Promise<void> {
    this.ctx.draining = true;
    for (const session of this.#sessions) session.close();
    for (const conn of this.#h1) conn.drain();
    const deadline = Date.now() + deadlineMs;
    while (this.#sockets.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const session of this.#sessions) session.destroy();
    for (const socket of this.#sockets) socket.destroy();
    clearInterval(this.#sweep);
  }

  #startH2(socket: Duplex, info: ConnectionInfo): void {
    // The session reads what is already buffered on the socket (the preface): it must not be resumed here.
    this.#handingOver = info;
    this.#h2.emit('connection', socket);
    this.#handingOver = null;
  }

  #startSweep(): NodeJS.Timeout {
    this.#sweepEvery = sweepInterval(this.ctx.limits);
    return setInterval(() => this.#sweepConnections(), this.#sweepEvery).unref();
  }

  #sweepConnections(): void {
    const now = performance.now();
    const limits = this.ctx.limits;
    for (const conn of this.#h1) conn.sweep(now, limits, LINGER_MS);
  }
}

/** A quarter of the shortest deadline, between 20 ms and 1 s: deadlines hold to within 25 %. */
function sweepInterval(limits: EdgeLimits): number {
  const shortest = Math.min(limits.headersMs, limits.requestMs, limits.streamIdleMs);
  return Math.max(20, Math.min(1_000, Math.floor(shortest / 4)));
}
