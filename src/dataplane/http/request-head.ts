/**
 * Reads and checks what every request needs before routing: Host (exactly one, well-formed) and the
 * request target split into path and query. Malformed requests get 400 and their connection closed.
 */
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import { isValidHost, normalizeHost } from '../routing/host.ts';
import type { RouteRequest } from '../routing/request.ts';

export type AnyRequest = IncomingMessage | Http2ServerRequest;

export interface RequestHead extends RouteRequest {
  /** Host or :authority exactly as received (with port), for X-Forwarded-Host and redirects. */
  readonly rawHost: string;
}

/** Returns null when the request is malformed (the caller answers 400 and closes). */
export function readRequestHead(req: AnyRequest): RequestHead | null {
  const headers = req.headers;
  let rawHost: string | undefined;
  if (req.httpVersionMajor === 2) {
    rawHost = (headers as Record<string, string | undefined>)[':authority'] ?? headers.host;
  } else {
    // Node keeps only the first of repeated Host headers; two Hosts is a smuggling vector (RFC 9112 §3.2).
    if (countHost(req.rawHeaders) !== 1) return null;
    rawHost = headers.host;
  }
  let target = req.url ?? '';
  if (target.charCodeAt(0) !== 47 /* '/' */) {
    // Absolute-form (RFC 9112 §3.2.2): the target's authority replaces Host.
    const absolute = parseAbsolute(target);
    if (absolute === null) return null;
    rawHost = absolute.host;
    target = absolute.target;
  }
  if (rawHost === undefined || !isValidHost(rawHost)) return null;
  const q = target.indexOf('?');
  return {
    rawHost,
    host: normalizeHost(rawHost),
    path: q === -1 ? target : target.slice(0, q),
    query: q === -1 ? '' : target.slice(q + 1),
    method: req.method ?? 'GET',
    headers,
  };
}

function countHost(raw: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 4 && name.toLowerCase() === 'host') n++;
  }
  return n;
}

function parseAbsolute(target: string): { host: string; target: string } | null {
  if (!/^https?:\/\//i.test(target)) return null;
  try {
    const url = new URL(target);
    return { host: url.host, target: `${url.pathname}${url.search}` };
  } catch {
    return null;
  }
}
