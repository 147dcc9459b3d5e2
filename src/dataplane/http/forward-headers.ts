/**
 * Header rewriting between client and backend (RFC 9110 §7.6.1): hop-by-hop headers and every header
 * named in Connection stay on their hop; X-Forwarded-For/-Proto/-Host and X-Request-Id are set for the
 * backend. Works on flat `[name, value, ...]` lists with a parallel list of lower-case names (as the
 * parsers produce them), and returns a new flat list; framing headers are written by each hop itself.
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
  /** The request body has no declared length and is sent chunked. */
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

export function upstreamRequestHeaders(raw: readonly string[], lower: readonly string[], input: UpstreamHeaderInput): string[] {
  const named = connectionTokens(input.connection);
  const out: string[] = ['Host', input.host];
  let forwardedFor: string | undefined;
  let hasRequestId = false;
  for (let i = 0; i < lower.length; i++) {
    const name = lower[i]!;
    // HTTP/2 pseudo-headers (:method, :authority, ...) are not headers on an HTTP/1.1 hop.
    if (name.charCodeAt(0) === 58 /* ':' */) continue;
    if (HOP_BY_HOP.has(name) || (named !== null && named.has(name))) continue;
    const value = raw[2 * i + 1]!;
    if (REQUEST_ONLY_DROP.has(name)) {
      if (name === 'x-forwarded-for') forwardedFor = forwardedFor === undefined ? value : `${forwardedFor}, ${value}`;
      continue;
    }
    if (name === 'x-request-id') hasRequestId = true;
    out.push(raw[2 * i]!, value);
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

/** The backend's response headers minus hop-by-hop ones and Content-Length (each hop frames its own body). */
export function downstreamResponseHeaders(raw: readonly string[], lower: readonly string[], connection: string | undefined): string[] {
  const named = connectionTokens(connection);
  const out: string[] = [];
  for (let i = 0; i < lower.length; i++) {
    const name = lower[i]!;
    if (HOP_BY_HOP.has(name) || name === 'content-length' || (named !== null && named.has(name))) continue;
    out.push(raw[2 * i]!, raw[2 * i + 1]!);
  }
  return out;
}

/** A 101 keeps Connection/Upgrade (they complete the handshake); other hop-by-hop headers go. */
export function upgradeResponseHeaders(raw: readonly string[], lower: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lower.length; i++) {
    const name = lower[i]!;
    if (name === 'keep-alive' || name === 'proxy-connection' || name === 'transfer-encoding' || name === 'te') continue;
    out.push(raw[2 * i]!, raw[2 * i + 1]!);
  }
  return out;
}
