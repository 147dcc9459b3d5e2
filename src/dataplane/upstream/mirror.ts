/**
 * RequestMirror: a fire-and-forget copy of the request to another cluster. The mirror gets the
 * upstream head the primary backend gets (every filter applied, Host included: the spec leaves the
 * mirror's Host unchanged) and a copy of each body chunk; its response is read and dropped.
 *
 * It can never slow or fail the original request: the client is never paused for it. Body bytes
 * wait in memory only while the mirror's connection is being set up or its socket buffer is full,
 * both bounded by MIRROR_BUFFER_BYTES; past that the mirror is abandoned (its connection cut), never
 * the request. A mirror that has not answered within MIRROR_TIMEOUT_MS is abandoned as well, so a
 * dead mirror backend holds no pool slot for long.
 */
import type { RequestTee } from '../http/exchange.ts';
import type { H1Response } from '../http/h1/response.ts';
import type { ClusterRuntime } from './cluster.ts';
import type { ConnectionWaiter, EndpointPool } from './endpoint-pool.ts';
import type { UpstreamConnection, UpstreamListener } from './upstream-connection.ts';

export interface MirrorTarget {
  readonly cluster: ClusterRuntime;
  /** Share of requests mirrored, 0 to 100. */
  readonly percent: number;
}

export const MIRROR_BUFFER_BYTES = 64 * 1024;
export const MIRROR_TIMEOUT_MS = 30_000;

/** Starts the mirrors this request rolls for; empty when none (the common case allocates nothing). */
export function startMirrors(
  targets: readonly MirrorTarget[], head: string, method: string, body: 'none' | 'length' | 'chunked',
): readonly RequestTee[] {
  let tees: RequestTee[] | null = null;
  for (const t of targets) {
    if (t.percent < 100 && Math.random() * 100 >= t.percent) continue;
    const pool = t.cluster.pick();
    if (pool === undefined) continue;
    (tees ??= []).push(new MirrorTee(pool, head, method, body));
  }
  return tees ?? NO_TEES;
}

const NO_TEES: readonly RequestTee[] = [];

export class MirrorTee implements RequestTee, UpstreamListener, ConnectionWaiter {
  readonly #pool: EndpointPool;
  readonly #head: string;
  readonly #method: string;
  readonly #body: 'none' | 'length' | 'chunked';
  #conn: UpstreamConnection | null = null;
  #pending: Buffer[] | null = null;
  #pendingBytes = 0;
  #ended = false;
  #trailers: readonly string[] | null = null;
  #done = false;
  #waiting = true;
  readonly #timer: NodeJS.Timeout;

  constructor(pool: EndpointPool, head: string, method: string, body: 'none' | 'length' | 'chunked') {
    this.#pool = pool;
    this.#head = head;
    this.#method = method;
    this.#body = body;
    this.#ended = body === 'none';
    this.#timer = setTimeout(abandon, MIRROR_TIMEOUT_MS, this);
    this.#timer.unref();
    pool.acquire(this);
  }

  /** True once the mirror finished or was abandoned. */
  get done(): boolean {
    return this.#done;
  }

  onConnection(conn: UpstreamConnection): void {
    this.#waiting = false;
    if (this.#done) return void this.#pool.release(conn);
    this.#conn = conn;
    conn.send(this, this.#head, this.#method, this.#body);
    const pending = this.#pending;
    this.#pending = null;
    if (pending !== null) for (const chunk of pending) conn.writeBody(chunk);
    if (this.#ended && this.#body !== 'none') conn.endBody(this.#trailers);
  }

  data(chunk: Buffer): void {
    if (this.#done) return;
    const conn = this.#conn;
    if (conn === null) {
      this.#pendingBytes += chunk.length;
      if (this.#pendingBytes > MIRROR_BUFFER_BYTES) return this.abort();
      (this.#pending ??= []).push(chunk);
      return;
    }
    // The socket's own buffer is the bound once connected: a mirror that reads slower than the
    // client sends is dropped instead of pausing the client.
    if (conn.socket.writableLength + chunk.length > MIRROR_BUFFER_BYTES) return this.abort();
    conn.writeBody(chunk);
  }

  end(trailers: readonly string[] | null): void {
    if (this.#done) return;
    this.#ended = true;
    this.#trailers = trailers;
    if (this.#conn !== null && this.#body !== 'none') this.#conn.endBody(trailers);
  }

  /** The original request was abandoned, or the mirror fell behind: cut the mirror only. */
  abort(): void {
    if (this.#done) return;
    this.#finish();
    this.#conn?.abort();
    this.#conn = null;
  }

  // ---- the mirror's response: read and dropped ----
  onUpstreamContinue(): void {}
  onUpstreamHead(_response: H1Response): void {}
  onUpstreamData(_chunk: Buffer): boolean {
    return true;
  }
  onUpstreamEnd(): void {
    this.#conn = null;
    this.#finish();
  }
  onUpstreamError(): void {
    this.#conn = null;
    this.#finish();
  }
  onUpstreamDrain(): void {}
  onUpstreamUpgrade(_response: H1Response, socket: { destroy(): void }): void {
    socket.destroy();
    this.#conn = null;
    this.#finish();
  }

  #finish(): void {
    this.#done = true;
    this.#pending = null;
    clearTimeout(this.#timer);
    if (this.#waiting) {
      this.#waiting = false;
      this.#pool.cancel(this);
    }
  }
}

function abandon(tee: MirrorTee): void {
  tee.abort();
}
