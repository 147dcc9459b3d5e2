/**
 * Message framing decisions shared by requests and responses (RFC 9112 §6): Content-Length must be
 * one header of 1–15 digits; Transfer-Encoding must be exactly `chunked` and never appear with
 * Content-Length. Every ambiguity that proxies and backends could resolve differently (request
 * smuggling, response splitting) is refused instead of repaired.
 */
import { TCHAR } from './chars.ts';
import { MAX_LENGTH_DIGITS } from './limits.ts';
import { bad, ParseError } from './parse-error.ts';

/** No body, `length` bytes, chunked, or (responses only) until the connection closes. */
export const NO_BODY = 0;
export const LENGTH = 1;
export const CHUNKED = 2;
export const UNTIL_CLOSE = 3;

export interface Framing {
  readonly kind: typeof NO_BODY | typeof LENGTH | typeof CHUNKED | typeof UNTIL_CLOSE;
  readonly length: number;
}

export const FRAMING_NONE: Framing = { kind: NO_BODY, length: 0 };
export const FRAMING_CHUNKED: Framing = { kind: CHUNKED, length: -1 };
export const FRAMING_UNTIL_CLOSE: Framing = { kind: UNTIL_CLOSE, length: -1 };

/** `value` of the single Content-Length header → bytes, or a ParseError. */
export function parseContentLength(value: string): number | ParseError {
  const n = value.length;
  if (n === 0 || n > MAX_LENGTH_DIGITS) return bad('invalid Content-Length');
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return bad('invalid Content-Length');
  }
  return Number(value);
}

/**
 * The single Transfer-Encoding value must be `chunked` (any case), nothing else. A well-formed list
 * that ends in chunked after other codings (`gzip, chunked`) is 501: legal, but this gateway does
 * not forward codings it cannot frame. Anything else (`xchunked`, `chunked, identity`, `chunked `,
 * empty items) is 400.
 */
export function checkTransferEncoding(value: string): ParseError | null {
  if (value.length === 7 && value.toLowerCase() === 'chunked') return null;
  const items = value.split(',');
  for (let i = 0; i < items.length; i++) {
    const item = i === 0 ? items[i]! : items[i]!.replace(/^[ \t]+/, '');
    if (item === '' || !isToken(item)) return bad('malformed Transfer-Encoding');
  }
  const last = items[items.length - 1]!.trim().toLowerCase();
  if (last !== 'chunked') return bad('Transfer-Encoding does not end in chunked');
  if (items.slice(0, -1).some((i) => i.trim().toLowerCase() === 'chunked')) return bad('chunked applied twice');
  return new ParseError(501, 'unsupported transfer coding');
}

function isToken(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (TCHAR[s.charCodeAt(i)] !== 1) return false;
  return true;
}

/** Connection header tokens this engine acts on. */
export interface ConnectionOptions {
  close: boolean;
  keepAlive: boolean;
  upgrade: boolean;
}

export function connectionOptions(value: string | undefined): ConnectionOptions {
  const out = { close: false, keepAlive: false, upgrade: false };
  if (value === undefined) return out;
  for (const raw of value.split(',')) {
    const t = raw.trim().toLowerCase();
    if (t === 'close') out.close = true;
    else if (t === 'keep-alive') out.keepAlive = true;
    else if (t === 'upgrade') out.upgrade = true;
  }
  return out;
}
