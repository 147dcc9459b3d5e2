/**
 * Hostname intersection between listeners and routes (HTTPRoute, GRPCRoute, TLSRoute `hostnames`).
 *
 * A hostname is exact (`foo.example.com`) or a wildcard (`*.example.com`). Per the spec a wildcard is
 * a suffix match that needs at least one more label: `*.example.com` matches `foo.example.com` and
 * `bar.foo.example.com` but not `example.com`. `*` alone (used in the IR for "no hostname") matches
 * everything.
 */

export function isWildcard(hostname: string): boolean {
  return hostname.startsWith('*');
}

/** Does the exact `host` fall under `pattern` (exact, `*.` wildcard, or `*`)? */
export function hostnameMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (!isWildcard(pattern)) return pattern === host;
  const suffix = pattern.slice(1); // ".example.com"
  return host.length > suffix.length && host.endsWith(suffix);
}

/**
 * The hostnames both sides accept, as one pattern: the more specific of the two when one contains the
 * other, null when they are disjoint. Two wildcards intersect when one's suffix ends with the other's
 * (`*.foo.example.com` lies inside `*.example.com`).
 */
export function intersectHostname(a: string, b: string): string | null {
  if (a === b) return a;
  if (a === '*') return b;
  if (b === '*') return a;
  const aw = isWildcard(a);
  const bw = isWildcard(b);
  if (!aw && !bw) return null;
  if (aw && !bw) return hostnameMatches(a, b) ? b : null;
  if (!aw && bw) return hostnameMatches(b, a) ? a : null;
  const as = a.slice(1);
  const bs = b.slice(1);
  if (as.endsWith(bs)) return a;
  if (bs.endsWith(as)) return b;
  return null;
}

/**
 * The hostnames a route serves on one listener. A route without hostnames takes the listener's (or
 * `*` when the listener has none); otherwise route hostnames that do not intersect the listener's are
 * ignored, as the spec requires, and the others are narrowed to the intersection. An empty result
 * means the route does not attach to this listener (NoMatchingListenerHostname).
 */
export function effectiveHostnames(listenerHostname: string | null, routeHostnames: readonly string[]): string[] {
  if (routeHostnames.length === 0) return [listenerHostname ?? '*'];
  const out = new Set<string>();
  for (const raw of routeHostnames) {
    const h = raw.toLowerCase();
    const hit = listenerHostname === null ? h : intersectHostname(listenerHostname, h);
    if (hit !== null) out.add(hit);
  }
  return [...out];
}

/**
 * Orders hostnames most specific first: exact names before wildcards, longer before shorter, `*`
 * last, then alphabetically so the order is total.
 */
export function compareHostnameSpecificity(a: string, b: string): number {
  const rank = (h: string) => (h === '*' ? 2 : isWildcard(h) ? 1 : 0);
  return rank(a) - rank(b) || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
}
