/**
 * Compiles one IrHttpMatch into a predicate. Checks run cheapest first (method, path, headers,
 * query) so most non-matching routes are rejected with a string compare. Every RegularExpression is
 * an RE2 program (re2js): linear time, so a user-supplied pattern cannot stall the event loop.
 */
import { RE2JS } from 're2js';
import type { IrHttpMatch, IrNamedMatch, IrPathMatch } from '../../ir/index.ts';
import { headerValue, type RouteRequest } from './request.ts';

export type RequestPredicate = (req: RouteRequest) => boolean;
type ValuePredicate = (value: string) => boolean;

/** Path matcher per the HTTPRoute spec; see `pathPrefixMatches` for element boundaries. */
export function compilePathMatch(match: IrPathMatch): ValuePredicate {
  switch (match.type) {
    case 'Exact': {
      const value = match.value;
      return (path) => path === value;
    }
    case 'PathPrefix': {
      const prefix = trimTrailingSlashes(match.value);
      if (prefix === '') return () => true;
      return (path) => pathPrefixMatches(prefix, path);
    }
    case 'RegularExpression':
      return compileRegex(match.value);
  }
}

/**
 * PathPrefix matches element by element: `/abc` matches `/abc`, `/abc/` and `/abc/def`, never
 * `/abcd`. A trailing `/` in the prefix is ignored (spec), so `prefix` arrives without one.
 */
export function pathPrefixMatches(prefix: string, path: string): boolean {
  if (!path.startsWith(prefix)) return false;
  return path.length === prefix.length || path.charCodeAt(prefix.length) === 47 /* '/' */;
}

export function trimTrailingSlashes(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 47) end--;
  return value.slice(0, end);
}

/** Full-match regex, like Envoy's safe_regex: the pattern must cover the whole value. */
export function compileRegex(pattern: string): ValuePredicate {
  const re = RE2JS.compile(pattern);
  return (value) => re.testExact(value);
}

function compileValue(m: IrNamedMatch): ValuePredicate {
  if (m.type === 'RegularExpression') return compileRegex(m.value);
  const expected = m.value;
  return (value) => value === expected;
}

/**
 * Spec: when several header (or query) matches name the same header, only the first counts. Names
 * of headers are case-insensitive (IR gives them lower-case); query parameter names are exact.
 */
function firstPerName(matches: readonly IrNamedMatch[], lowerCase: boolean): IrNamedMatch[] {
  const seen = new Set<string>();
  const out: IrNamedMatch[] = [];
  for (const m of matches) {
    const key = lowerCase ? m.name.toLowerCase() : m.name;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(lowerCase ? { ...m, name: key } : m);
  }
  return out;
}

export function compileRouteMatch(match: IrHttpMatch): RequestPredicate {
  const method = match.method;
  const path = compilePathMatch(match.path);
  const headers = firstPerName(match.headers, true).map((m) => ({ name: m.name, test: compileValue(m) }));
  const query = firstPerName(match.queryParams, false).map((m) => ({ name: m.name, test: compileValue(m) }));
  return (req) => {
    if (method !== null && req.method !== method) return false;
    if (!path(req.path)) return false;
    for (let i = 0; i < headers.length; i++) {
      const h = headers[i]!;
      const v = headerValue(req.headers, h.name);
      if (v === undefined || !h.test(v)) return false;
    }
    if (query.length === 0) return true;
    // Parsed only for the few routes that match on query parameters; decoding as browsers do.
    const params = new URLSearchParams(req.query);
    for (let i = 0; i < query.length; i++) {
      const q = query[i]!;
      const v = params.get(q.name);
      if (v === null || !q.test(v)) return false;
    }
    return true;
  };
}
