/** Responses the gateway produces itself: routing misses, bad requests, upstream failures, redirects. */
import type { ServerResponse } from 'node:http';
import type { Http2ServerResponse } from 'node:http2';

export type AnyResponse = ServerResponse | Http2ServerResponse;

const BODIES: Record<number, string> = {
  400: 'bad request\n',
  404: 'no route matched\n',
  500: 'no backend available for this route\n',
  502: 'upstream connect error\n',
  503: 'no healthy upstream\n',
  504: 'upstream request timeout\n',
};

export function sendLocalReply(res: AnyResponse, status: number, headers: string[] = [], close = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = BODIES[status] ?? '';
  headers.push('Content-Type', 'text/plain; charset=utf-8', 'Content-Length', String(Buffer.byteLength(body)));
  // HTTP/1.1 only: ask Node to close the connection after this response (a malformed request must
  // not let the connection carry on). HTTP/2 has no Connection header.
  if (close && 'shouldKeepAlive' in res) res.shouldKeepAlive = false;
  (res as ServerResponse).writeHead(status, headers);
  res.end(body);
}

/** The same replies written raw on a socket, for Upgrade requests that never get a ServerResponse. */
export function rawLocalReply(status: number, reason: string): string {
  const body = BODIES[status] ?? '';
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}
