/** Responses the gateway produces itself: routing misses, bad requests, upstream failures, redirects. */

const BODIES: Record<number, string> = {
  400: 'bad request\n',
  404: 'no route matched\n',
  408: 'request header timeout\n',
  417: 'expectation not supported\n',
  421: 'misdirected request: this connection is for another host\n',
  431: 'request header fields too large\n',
  500: 'no backend available for this route\n',
  501: 'transfer coding not implemented\n',
  502: 'upstream connect error\n',
  503: 'no healthy upstream\n',
  504: 'upstream request timeout\n',
  505: 'HTTP version not supported\n',
};

const EMPTY = Buffer.alloc(0);
const BUFFERS = new Map<number, Buffer>(Object.entries(BODIES).map(([k, v]) => [Number(k), Buffer.from(v)]));

/** The body of a local reply (shared buffers: never mutate). */
export function localBody(status: number): Buffer {
  return BUFFERS.get(status) ?? EMPTY;
}

/** Fields of a local reply, after any the caller gives (e.g. Location). */
export function localFields(extra: readonly string[] = []): string[] {
  return [...extra, 'Content-Type', 'text/plain; charset=utf-8'];
}
