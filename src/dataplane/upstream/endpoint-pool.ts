/**
 * Keep-alive connections to one endpoint of one cluster: raw-socket HTTP/1.1 connections
 * (upstream-connection.ts), reused last-in-first-out so the warmest is taken and idle ones age out
 * (closed after `idleTimeoutMs` by a shared sweep, no timer per connection). `close()` drains: no
 * connection is pooled any more, idle ones close at once and busy ones when their response ends;
 * `destroy()` cuts everything.
 */
import type { IrEndpoint } from '../../ir/index.ts';
import type { BackendTls } from './backend-tls.ts';
import { H2Endpoint, type H2UpstreamStream } from './h2-upstream.ts';
import { UpstreamConnection, type ConnectionOwner } from './upstream-connection.ts';

/** What a request gets to send on: an HTTP/1.1 connection, or a stream on an H2C endpoint's session. */
export type PooledStream = UpstreamConnection | H2UpstreamStream;

export interface PoolOptions {
  /** Idle keep-alive connections are closed after this long. */
  readonly idleTimeoutMs: number;
  /** Upper bound of open connections to this endpoint; requests wait beyond. */
  readonly maxSockets: number;
}

/** Someone waiting for a connection when the pool is at `maxSockets`. */
export interface ConnectionWaiter {
  onConnection(conn: PooledStream): void;
}

export class EndpointPool implements ConnectionOwner {
  readonly key: string;
  readonly clusterId: string;
  readonly address: string;
  readonly port: number;
  /** `address:port`, for logs and metrics. */
  readonly label: string;
  /** TLS origination (part of the pool key: see backend-tls.ts), null for cleartext. */
  readonly tls: BackendTls | null;
  /** Requests in flight, for least-request balancing and metrics. */
  active = 0;
  readonly #options: PoolOptions;
  readonly #idle: UpstreamConnection[] = [];
  readonly #open = new Set<UpstreamConnection>();
  readonly #waiting: ConnectionWaiter[] = [];
  /** H2C clusters: requests are streams on this endpoint's HTTP/2 session (h2-upstream.ts). */
  #h2: H2Endpoint | null = null;
  #closing = false;

  constructor(clusterId: string, endpoint: IrEndpoint, options: PoolOptions, tls: BackendTls | null = null) {
    this.key = poolKey(clusterId, endpoint, tls);
    this.tls = tls;
    this.clusterId = clusterId;
    this.address = endpoint.address;
    this.port = endpoint.port;
    this.label = `${endpoint.address}:${endpoint.port}`;
    this.#options = options;
  }

  get closing(): boolean {
    return this.#closing;
  }

  /** Open connections (idle and busy). */
  get size(): number {
    return this.#open.size;
  }

  get idleCount(): number {
    return this.#idle.length;
  }

  /** Called per apply with the cluster's protocol: H2C switches new requests to HTTP/2 streams. */
  useH2(h2: boolean): void {
    if (h2) this.#h2 ??= new H2Endpoint(this.address, this.port, this.tls);
    else if (this.#h2 !== null) {
      this.#h2.close();
      this.#h2 = null;
    }
  }

  /** Hands `waiter` a connection now, or once one is free when the pool is full. */
  acquire(waiter: ConnectionWaiter): void {
    if (this.#h2 !== null) return waiter.onConnection(this.#h2.stream());
    while (this.#idle.length > 0) {
      const conn = this.#idle.pop()!;
      if (conn.usable) return waiter.onConnection(conn);
    }
    if (this.#open.size >= this.#options.maxSockets) {
      this.#waiting.push(waiter);
      return;
    }
    waiter.onConnection(this.#connect());
  }

  /** A connection of its own, never pooled (Upgrade: it becomes a tunnel). */
  dedicated(): UpstreamConnection {
    return this.#connect();
  }

  /** Gives up waiting (the request ended first). */
  cancel(waiter: ConnectionWaiter): void {
    const i = this.#waiting.indexOf(waiter);
    if (i !== -1) this.#waiting.splice(i, 1);
  }

  release(conn: PooledStream): void {
    if (!(conn instanceof UpstreamConnection)) return; // an HTTP/2 stream is done with its request
    if (this.#closing) return conn.close();
    const next = this.#waiting.shift();
    if (next !== undefined) return next.onConnection(conn);
    conn.idleSince = performance.now();
    this.#idle.push(conn);
    if (this.#idle.length === 1) IDLE_SWEEP.add(this);
  }

  forget(conn: UpstreamConnection): void {
    this.#open.delete(conn);
    const i = this.#idle.indexOf(conn);
    if (i !== -1) this.#idle.splice(i, 1);
    // A slot freed up: a waiter gets a fresh connection.
    if (!this.#closing && this.#waiting.length > 0 && this.#open.size < this.#options.maxSockets) this.#waiting.shift()!.onConnection(this.#connect());
  }

  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#h2?.close();
    for (const conn of this.#idle.splice(0)) conn.close();
  }

  destroy(): void {
    this.#closing = true;
    this.#h2?.destroy();
    this.#idle.length = 0;
    for (const conn of [...this.#open]) conn.close();
  }

  /** Closes connections idle for longer than the timeout (oldest sit at the bottom of the stack). */
  sweep(now: number): void {
    const limit = now - this.#options.idleTimeoutMs;
    while (this.#idle.length > 0 && this.#idle[0]!.idleSince <= limit) this.#idle.shift()!.close();
    if (this.#idle.length === 0) IDLE_SWEEP.delete(this);
  }

  #connect(): UpstreamConnection {
    const conn = new UpstreamConnection(this);
    this.#open.add(conn);
    return conn;
  }
}

/** Cluster, endpoint and TLS setting: a changed setting must not reuse connections made under the old one. */
export function poolKey(clusterId: string, endpoint: IrEndpoint, tls: BackendTls | null = null): string {
  const base = `${clusterId}|${endpoint.address}|${endpoint.port}`;
  return tls === null ? base : `${base}|tls:${tls.fingerprint}`;
}

/** Pools holding idle connections; one unref'd timer checks them all. */
const IDLE_SWEEP = new Set<EndpointPool>();
const SWEEP_INTERVAL_MS = 250;
setInterval(() => {
  const now = performance.now();
  for (const pool of IDLE_SWEEP) pool.sweep(now);
}, SWEEP_INTERVAL_MS).unref();
