/** Hostname helpers shared by listener selection, virtual-host selection and Host validation. */

// RFC 3986 reg-name (unreserved, sub-delims, pct-encoded) or an IP literal in brackets, with an
// optional port. Anything else (spaces, '@', '/', empty) is a malformed Host and gets 400.
const VALID_HOST = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=%]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{0,5})?$/;

export function isValidHost(host: string): boolean {
  return VALID_HOST.test(host);
}

/** Lower-cases and strips the port; IPv6 literals keep their brackets. */
export function normalizeHost(host: string): string {
  let end = host.length;
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && host.indexOf(']', colon) === -1) end = colon;
  const h = end === host.length ? host : host.slice(0, end);
  // Lower-casing allocates; skip it when the host is already lower-case (the common case).
  return /[A-Z]/.test(h) ? h.toLowerCase() : h;
}

/**
 * Gateway API hostname matching: an exact name matches itself; `*.example.com` matches any name with
 * at least one more label in front (`a.example.com`, `a.b.example.com`, not `example.com`); `*` and
 * null match everything.
 */
export function hostnameMatches(pattern: string | null, host: string): boolean {
  if (pattern === null || pattern === '*') return true;
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1);
    return host.length > suffix.length && host.endsWith(suffix);
  }
  return pattern === host;
}
