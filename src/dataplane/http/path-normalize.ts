/**
 * Path normalisation before routing (issue "Edge hardening"), so that no PathPrefix rule can be
 * sidestepped by spelling a path differently from how the backend will read it. The defaults are
 * Envoy Gateway's (ClientTrafficPolicy `path`): RFC 3986 normalisation on, `disableMergeSlashes`
 * false, `escapedSlashesAction: UnescapeAndRedirect`. In order:
 *
 * 1. `%2F`/`%5C` (any case) are unescaped; if there were any, the client is redirected (307) to the
 *    resulting path, which every party then reads alike (Envoy Gateway's default).
 * 2. Escaped unreserved characters (`%2E`, `%41`, ...) are decoded (RFC 3986 §6.2.2.2): `%2e%2e` is a
 *    dot segment. Other escapes stay as they are, upper-cased. A malformed escape is 400.
 * 3. `\` becomes `/` (as WHATWG URL parsing and Envoy's canonicaliser do).
 * 4. Dot segments are removed (RFC 3986 §5.2.4); `..` never climbs above the root.
 * 5. Runs of `/` become one.
 *
 * The normalised path is what routing sees and what the backend is sent. The query is untouched.
 */

export type NormalizedPath =
  | { readonly kind: 'ok'; readonly path: string }
  | { readonly kind: 'redirect'; readonly path: string }
  | { readonly kind: 'invalid' };

const INVALID: NormalizedPath = { kind: 'invalid' };

/** Hot path: true when `path` cannot change (no `%`, `\`, `//` or `/.`). */
function isCanonical(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 0x25 /* % */ || c === 0x5c /* \ */) return false;
    if (c === 0x2f /* / */) {
      const n = path.charCodeAt(i + 1);
      if (n === 0x2f || n === 0x2e /* . */) return false;
    }
  }
  return true;
}

export function normalizePath(path: string): NormalizedPath {
  if (isCanonical(path)) return { kind: 'ok', path };
  let escapedSlash = false;
  let decoded = '';
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c !== 0x25) {
      decoded += c === 0x5c ? '/' : path[i];
      continue;
    }
    const hi = hex(path.charCodeAt(i + 1));
    const lo = hex(path.charCodeAt(i + 2));
    if (hi < 0 || lo < 0) return INVALID;
    const byte = hi * 16 + lo;
    i += 2;
    if (byte === 0x2f || byte === 0x5c) {
      escapedSlash = true;
      decoded += '/';
    } else if (isUnreserved(byte)) {
      decoded += String.fromCharCode(byte);
    } else {
      decoded += `%${path[i - 1]!.toUpperCase()}${path[i]!.toUpperCase()}`;
    }
  }
  const normalized = mergeSlashes(removeDotSegments(decoded));
  return { kind: escapedSlash ? 'redirect' : 'ok', path: normalized };
}

function hex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** RFC 3986 §2.3 unreserved: ALPHA / DIGIT / - . _ ~ */
function isUnreserved(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2e || b === 0x5f || b === 0x7e;
}

/** RFC 3986 §5.2.4, on segments: `.` is dropped, `..` drops the previous one (never the root). */
export function removeDotSegments(path: string): string {
  const segments = path.split('/');
  const out: string[] = [];
  for (let i = 1; i < segments.length; i++) {
    const s = segments[i]!;
    const last = i === segments.length - 1;
    if (s === '.' || s === '..') {
      if (s === '..') out.pop();
      // A trailing dot segment leaves a directory path: `/a/b/..` → `/a/`.
      if (last) out.push('');
    } else {
      out.push(s);
    }
  }
  return `/${out.join('/')}`;
}

function mergeSlashes(path: string): string {
  return path.includes('//') ? path.replace(/\/{2,}/g, '/') : path;
}
