/**
 * Byte classes for the strict HTTP/1.1 parsers, as 256-entry lookup tables (one indexed load per
 * byte on the hot path instead of range comparisons).
 */

/** RFC 9110 §5.6.2 tchar. */
export const TCHAR = new Uint8Array(256);
/** Header-name bytes: tchar minus `_` (underscored names are refused: `X_Foo` and `X-Foo` would
 * collapse to the same CGI variable behind some backends, a known header-smuggling trick). */
export const NAME_CHAR = new Uint8Array(256);
/** Field-value bytes (RFC 9110 §5.5): HTAB, SP, VCHAR, obs-text. Never NUL, CR, LF, other CTLs or DEL. */
export const VALUE_CHAR = new Uint8Array(256);
/** request-target bytes: visible ASCII only (no SP, CTL, DEL or obs-text). */
export const TARGET_CHAR = new Uint8Array(256);

for (let c = 0x21; c <= 0x7e; c++) TARGET_CHAR[c] = 1;
for (const ch of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
  TCHAR[ch.charCodeAt(0)] = 1;
  NAME_CHAR[ch.charCodeAt(0)] = ch === '_' ? 0 : 1;
}
VALUE_CHAR[0x09] = 1;
for (let c = 0x20; c <= 0x7e; c++) VALUE_CHAR[c] = 1;
for (let c = 0x80; c <= 0xff; c++) VALUE_CHAR[c] = 1;

export const CR = 0x0d;
export const LF = 0x0a;
export const SP = 0x20;
export const HTAB = 0x09;
export const COLON = 0x3a;

/** Hex digit value, or -1. */
export function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}
