/**
 * HTTPRoute and GRPCRoute match validation and defaults. Invalid values make the rule invalid
 * (Accepted/PartiallyInvalid with UnsupportedValue), as the spec says for unknown enum values; a
 * RegularExpression that RE2 cannot compile is invalid too.
 */
import type { HttpHeaderMatch, HttpRouteMatch } from '../../api/index.ts';
import type { IrHttpMatch, IrNamedMatch } from '../../ir/index.ts';
import { ConditionType, Reason, StatusError } from '../conditions.ts';
import type { HttpPrecedence } from '../precedence.ts';
import { regexError } from '../regex.ts';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
const CONTROL = /[\r\n\0]/;

export class MatchError extends StatusError {
  constructor(message: string) {
    super(ConditionType.Accepted, Reason.UnsupportedValue, message);
  }
}

/**
 * Header (lower-cased names) or query param matches. The spec: when entries repeat a name, only
 * the first is considered and later ones are ignored.
 */
export function namedMatches(list: readonly HttpHeaderMatch[] | undefined, header: boolean, at: string): IrNamedMatch[] {
  const out: IrNamedMatch[] = [];
  const seen = new Set<string>();
  for (const m of list ?? []) {
    const what = header ? 'header' : 'query param';
    if (header && !HEADER_NAME.test(m.name)) throw new MatchError(`${at}: invalid header name ${JSON.stringify(m.name)}`);
    const name = header ? m.name.toLowerCase() : m.name;
    if (seen.has(name)) continue;
    seen.add(name);
    const type = m.type ?? 'Exact';
    if (type === 'RegularExpression') {
      const problem = regexError(m.value);
      if (problem) throw new MatchError(`${at}: ${what} ${m.name}: invalid regular expression: ${problem}`);
    } else if (type !== 'Exact') {
      throw new MatchError(`${at}: ${what} ${m.name}: match type ${String(type)} is not supported`);
    }
    if (CONTROL.test(m.value)) throw new MatchError(`${at}: ${what} ${m.name}: value contains CR, LF or NUL`);
    out.push({ name, type, value: m.value });
  }
  return out;
}

/** One HTTPRoute match with defaults applied (path PathPrefix `/`, types Exact). */
export function httpMatch(match: HttpRouteMatch, at: string): { match: IrHttpMatch; precedence: HttpPrecedence } {
  const type = match.path?.type ?? 'PathPrefix';
  const value = match.path?.value ?? '/';
  if (type === 'RegularExpression') {
    const problem = regexError(value);
    if (problem) throw new MatchError(`${at}: invalid path regular expression: ${problem}`);
  } else if (type === 'Exact' || type === 'PathPrefix') {
    if (!value.startsWith('/')) throw new MatchError(`${at}: path ${JSON.stringify(value)} must start with /`);
    if (CONTROL.test(value)) throw new MatchError(`${at}: path contains CR, LF or NUL`);
  } else {
    throw new MatchError(`${at}: path match type ${String(type)} is not supported`);
  }
  if (match.method !== undefined && !METHODS.has(match.method)) throw new MatchError(`${at}: method ${match.method} is not supported`);
  const headers = namedMatches(match.headers, true, at);
  const queryParams = namedMatches(match.queryParams, false, at);
  return {
    match: { path: { type, value }, headers, queryParams, method: match.method ?? null },
    precedence: { kind: 'HTTP', pathType: type, pathLength: value.length, method: match.method !== undefined, headers: headers.length, queryParams: queryParams.length },
  };
}
