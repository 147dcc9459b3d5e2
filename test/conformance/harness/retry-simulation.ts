/**
 * The upstream echo-basic's retry simulation (`/retry/…`, gateway-api-conformance-images): per
 * `uuid`, the first `succeedAfter` requests fail — after `delayRetry` (a Go duration) when given —
 * with `responseCode` when given, else by resetting the TCP connection (RST, no response); later
 * ones are echoed as usual. Missing `uuid` or `succeedAfter`: 400.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export class RetrySimulation {
  readonly #attempts = new Map<string, number>();

  /** True when it answered (or reset) the request itself; false: echo it. */
  handle(req: IncomingMessage, res: ServerResponse, query: URLSearchParams, after: (ms: number, fn: () => void) => void): boolean {
    const uuid = query.get('uuid');
    const succeedAfter = Number.parseInt(query.get('succeedAfter') ?? '', 10);
    if (!uuid || Number.isNaN(succeedAfter)) {
      res.writeHead(400).end(uuid ? 'succeedAfter is required' : 'uuid is required');
      return true;
    }
    const attempts = this.#attempts.get(uuid) ?? 0;
    if (attempts >= succeedAfter) return false;
    this.#attempts.set(uuid, attempts + 1);
    const code = Number.parseInt(query.get('responseCode') ?? '', 10);
    after(goDurationMs(query.get('delayRetry')), () => {
      if (Number.isNaN(code)) req.socket.resetAndDestroy();
      else res.writeHead(code).end();
    });
    return true;
  }
}

/** `1s`, `500ms`, `1.5s` → milliseconds; anything else → 0. */
export function goDurationMs(text: string | null): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(text ?? '');
  return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : 0;
}
