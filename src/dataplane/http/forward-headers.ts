/**
 * Header rewriting between client and backend (RFC 9110 §7.6.1): hop-by-hop headers and every header
 * named in Connection stay on their hop; X-Forwarded-For/-Proto/-Host and X-Request-Id are set for the
 * backend. Works on Node's flat rawHeaders arrays and returns a new flat array (no header objects).
 */
import { randomUUID } from 'node:crypto';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'transfer-encoding', 'upgrade']);
// Request side only: Trailer announces trailers on this hop; the response side keeps it (the client
// may rely on it to read trailers we relay).
const REQUEST_ONLY_DROP = new Set(['trailer', 'host', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host']);

export interface UpstreamHeaderInput {
  /** Host to send (the client's, or URLRewrite's). */
  readonly host: string;
  /** The client's Host/:authority as received, for X-Forwarded-Host. */
  readonly originalHost: string;
  readonly peer: string;
  readonly proto: 'http' | 'https';
  /** The client's Connection header value, if any. */
  readonly connection: string | undefined;
  /** The request body has no declared length and must be sent chunked. */
  readonly chunked: boolean;
  /** Upgrade value to keep (with Connection: upgrade), or null for a plain request. */
  readonly upgrade: string | null;
}

/** Names listed in a Connection header, lower-case (besides the standard close/keep-alive/upgrade). */
export function connectionTokens(connection: string | undefined): Set<string> | null {
  if (connection === undefined) return null;
  let tokens: Set<string> | null = null;
  for (const raw of connection.split(',')) {
    const t = raw.trim().toLowerCase();
    if (t === '' || t === 'close' || t === 'keep-alive' || t === 'upgrade') continue;
    (tokens ??= new Set()).add(t);
  }
  return tokens;
}

export function upstreamRequestHeaders(raw: readonly string[], input: UpstreamHeaderInput): string[] {
  const named = connectionTokens(input.connection);
  const out: string[] = ['Host', input.host];
  let forwardedFor: string | undefined;
  let hasRequestId = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    // HTTP/2 pseudo-headers (:method, :authority, ...) are not headers on an HTTP/1.1 hop.
    if (name.charCodeAt(0) === 58 /* ':' */) continue;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || named?.has(lower)) continue;
    if (REQUEST_ONLY_DROP.has(lower)) {
      if (lower === 'x-forwarded-for') forwardedFor = forwardedFor === undefined ? raw[i + 1] : `${forwardedFor}, ${raw[i + 1]}`;
      continue;
    }
    if (lower === 'x-request-id') hasRequestId = true;
    out.push(name, raw[i + 1]!);
  }
  out.push(
    'X-Forwarded-For', forwardedFor === undefined ? input.peer : `${forwardedFor}, ${input.peer}`,
    'X-Forwarded-Proto', input.proto,
    'X-Forwarded-Host', input.originalHost,
  );
  if (!hasRequestId) out.push('X-Request-Id', randomUUID());
  if (input.chunked) out.push('Transfer-Encoding', 'chunked');
  if (input.upgrade !== null) out.push('Connection', 'upgrade', 'Upgrade', input.upgrade);
  return out;
}

/** The backend's response headers minus its hop-by-hop ones. */
export function downstreamResponseHeaders(raw: readonly string[], connection: string | undefined): string[] {
  const named = connectionTokens(connection);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || named?.has(lower)) continue;
    out.push(name, raw[i + 1]!);
  }
  return out;
}

/** Flat raw trailers → object for addTrailers (repeated names are joined, as RFC 9110 allows). */
export function trailerPairs(raw: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    out[name] = out[name] === undefined ? raw[i + 1]! : `${out[name]}, ${raw[i + 1]}`;
  }
  return out;
}
