/**
 * HTTPRoute retry (experimental `retry`): which failed attempts are sent again, how often, after
 * how long, and the bounded copy of the request body that makes sending it again possible.
 *
 * - `attempts` is the number of retries after the first try (the spec: "the maximum number of times
 *   an individual request from the gateway to a backend should be retried").
 * - Retried: a response whose status is in `codes`, a connection that failed before any response
 *   byte (refused, reset, closed), and an attempt that ran past `timeouts.backendRequest`. A
 *   response is retried only before anything of it went to the client.
 * - The body: a request is replayed only when its body, as far as it has been sent, is still held.
 *   Up to REPLAY_LIMIT_BYTES are kept while the attempt streams; a larger body makes the request
 *   non-retryable from the moment it outgrows the bound (nothing is buffered ahead of the backend:
 *   the body still streams with backpressure).
 * - The whole exchange, retries and backoff included, stays within `timeouts.request`.
 * - With a policy, a stale keep-alive connection is one of its retries (no free extra attempt), and
 *   when retried connection failures exhaust it the answer is 503 (unavailable), not 502.
 */
import type { IrRetry } from '../../ir/index.ts';

export const REPLAY_LIMIT_BYTES = 64 * 1024;
/** Wait between attempts when the route sets no backoff (the spec leaves it to the implementation). */
export const DEFAULT_BACKOFF_MS = 25;

export interface RetryPolicy {
  readonly codes: ReadonlySet<number>;
  /** Retries after the first attempt. */
  readonly retries: number;
  readonly backoffMs: number;
}

export function compileRetry(ir: IrRetry | null): RetryPolicy | null {
  if (ir === null || ir.attempts <= 0) return null;
  return { codes: new Set(ir.codes), retries: ir.attempts, backoffMs: ir.backoffMs ?? DEFAULT_BACKOFF_MS };
}

/** The body sent so far, kept for another attempt while it stays within REPLAY_LIMIT_BYTES. */
export class ReplayBuffer {
  chunks: Buffer[] | null = [];
  #bytes = 0;

  /** False once the body outgrew the bound (the copy is dropped: no more retries). */
  get usable(): boolean {
    return this.chunks !== null;
  }

  keep(chunk: Buffer): void {
    if (this.chunks === null) return;
    this.#bytes += chunk.length;
    if (this.#bytes > REPLAY_LIMIT_BYTES) this.chunks = null;
    else this.chunks.push(chunk);
  }
}
