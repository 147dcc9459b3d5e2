/**
 * The protocol-neutral view of a request that routing and the exchange read, built once per
 * request by either front end (HTTP/1.1 or HTTP/2). Checks here are the ones both protocols share:
 * a well-formed Host/:authority, a target in origin or absolute form whose authority agrees with
 * Host, and path normalisation (path-normalize.ts). Anything refused gets 400 and its connection
 * closed (HTTP/1.1) or its stream reset after the answer (HTTP/2).
 */
import { isValidHost, normalizeHost } from '../routing/host.ts';
import type { RouteRequest } from '../routing/request.ts';
import { normalizePath } from './path-normalize.ts';

export class RequestHead implements RouteRequest {
  readonly method: string;
  /** Host or :authority exactly as received (with port), for X-Forwarded-Host and redirects. */
  readonly rawHost: string;
  readonly host: string;
  /** Normalised path: what routing sees and the backend is sent. */
  readonly path: string;
  readonly query: string;
  /** Header fields as received, flat `[name, value, ...]`, without pseudo-headers. */
  readonly raw: readonly string[];
  /** Lower-case names, one per field. */
  readonly lower: readonly string[];
  #headers: Record<string, string> | null = null;

  constructor(method: string, rawHost: string, path: string, query: string, raw: readonly string[], lower: readonly string[]) {
    this.method = method;
    this.rawHost = rawHost;
    this.host = normalizeHost(rawHost);
    this.path = path;
    this.query = query;
    this.raw = raw;
    this.lower = lower;
  }

  /** Lower-case name → value (repeats comma-joined). Built only if a route matches on headers. */
  get headers(): Readonly<Record<string, string>> {
    if (this.#headers !== null) return this.#headers;
    const out: Record<string, string> = Object.create(null) as Record<string, string>;
    for (let i = 0; i < this.lower.length; i++) {
      const name = this.lower[i]!;
      const v = this.raw[2 * i + 1]!;
      out[name] = out[name] === undefined ? v : `${out[name]}, ${v}`;
    }
    this.#headers = out;
    return out;
  }

  /** First value of a header by lower-case name. */
  get(lowerName: string): string | undefined {
    const i = this.lower.indexOf(lowerName);
    return i === -1 ? undefined : this.raw[2 * i + 1];
  }
}

/** Why a head was not turned into a RequestHead: 400, or a redirect to the normalised path. */
export type HeadRefusal = { readonly status: 400; readonly reason: string } | { readonly status: 307; readonly location: string };

export interface HeadInput {
  readonly method: string;
  readonly target: string;
  /** Host header (HTTP/1.1) or :authority (HTTP/2); undefined when absent. */
  readonly authority: string | undefined;
  /** HTTP/2 only: a Host header sent along with :authority, which must agree with it. */
  readonly hostHeader?: string | undefined;
  readonly raw: readonly string[];
  readonly lower: readonly string[];
}

const refuse = (reason: string): HeadRefusal => ({ status: 400, reason });

export function buildRequestHead(input: HeadInput): RequestHead | HeadRefusal {
  let authority = input.authority;
  let target = input.target;
  if (target.charCodeAt(0) !== 47 /* / */) {
    // Absolute form (RFC 9112 §3.2.2). RFC says Host is then ignored; two authorities that disagree
    // are refused instead, so no hop can route on one and forward the other.
    const absolute = splitAbsolute(target);
    if (absolute === null) return refuse('request target is neither origin- nor absolute-form');
    if (authority !== undefined && !sameAuthority(absolute.authority, authority, absolute.scheme)) return refuse('absolute-form authority disagrees with Host');
    authority = absolute.authority;
    target = absolute.rest;
  }
  if (input.hostHeader !== undefined && authority !== undefined && !sameAuthority(input.hostHeader, authority, 'http')) {
    return refuse(':authority disagrees with Host');
  }
  if (authority === undefined || !isValidHost(authority)) return refuse('missing or malformed Host');
  const q = target.indexOf('?');
  const rawPath = q === -1 ? target : target.slice(0, q);
  const query = q === -1 ? '' : target.slice(q + 1);
  const normalized = normalizePath(rawPath);
  if (normalized.kind === 'invalid') return refuse('malformed percent-encoding in path');
  if (normalized.kind === 'redirect') return { status: 307, location: q === -1 ? normalized.path : `${normalized.path}?${query}` };
  return new RequestHead(input.method, authority, normalized.path, query, input.raw, input.lower);
}

function splitAbsolute(target: string): { scheme: string; authority: string; rest: string } | null {
  const m = /^(https?):\/\/([^/?#]*)/i.exec(target);
  if (m === null || m[2] === '') return null;
  const rest = target.slice(m[0].length);
  if (rest.includes('#')) return null;
  return { scheme: m[1]!.toLowerCase(), authority: m[2]!, rest: rest === '' ? '/' : rest.charCodeAt(0) === 63 /* ? */ ? `/${rest}` : rest };
}

/** Case-insensitive, and `host` equals `host:80` for http (`:443` for https). */
function sameAuthority(a: string, b: string, scheme: string): boolean {
  const strip = (s: string) => {
    const lower = s.toLowerCase();
    const port = scheme === 'https' ? ':443' : ':80';
    if (lower.endsWith(port)) return lower.slice(0, -port.length);
    return lower.endsWith(':') ? lower.slice(0, -1) : lower;
  };
  return strip(a) === strip(b);
}
