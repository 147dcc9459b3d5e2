/**
 * Rule precedence inside one virtual host (hostname precedence is the virtual host order itself).
 *
 * HTTPRoute (httproute_types.go, HTTPRouteRule.matches), continuing on ties:
 *   1. Exact path match, then (implementation-specific, see below) RegularExpression, then PathPrefix;
 *   2. the longest path value;
 *   3. a method match;
 *   4. the most header matches;
 *   5. the most query param matches;
 *   6. the oldest Route, then `{namespace}/{name}` alphabetically;
 *   7. rule order, then match order within the Route.
 * Regular expressions rank between Exact and PathPrefix: a pattern is usually written to be narrower
 * than a prefix, and putting it below would let every PathPrefix `/` shadow it.
 *
 * GRPCRoute (grpcroute_types.go, GRPCRouteRule.matches): the most characters in a matching service,
 * then in a matching method, then the most header matches, then age, name, rule and match order.
 * GRPCRoutes and HTTPRoutes are never merged: if both share a virtual host, every GRPCRoute entry
 * comes first (its matches are exact gRPC paths or service prefixes, narrow enough not to shadow
 * HTTP rules), which keeps the order total.
 */
import type { KubeObject } from '../api/index.ts';
import { compareAge } from './routes/object-order.ts';

export interface HttpPrecedence {
  readonly kind: 'HTTP';
  readonly pathType: 'Exact' | 'PathPrefix' | 'RegularExpression';
  readonly pathLength: number;
  readonly method: boolean;
  readonly headers: number;
  readonly queryParams: number;
}

export interface GrpcPrecedence {
  readonly kind: 'GRPC';
  readonly serviceLength: number;
  readonly methodLength: number;
  readonly headers: number;
}

/** What a route entry is sorted by. */
export interface PrecedenceKey {
  readonly match: HttpPrecedence | GrpcPrecedence;
  readonly route: KubeObject;
  readonly ruleIndex: number;
  readonly matchIndex: number;
}

const PATH_RANK = { Exact: 0, RegularExpression: 1, PathPrefix: 2 } as const;

function compareMatch(a: HttpPrecedence | GrpcPrecedence, b: HttpPrecedence | GrpcPrecedence): number {
  if (a.kind === 'HTTP' && b.kind === 'HTTP') {
    return PATH_RANK[a.pathType] - PATH_RANK[b.pathType]
      || b.pathLength - a.pathLength
      || Number(b.method) - Number(a.method)
      || b.headers - a.headers
      || b.queryParams - a.queryParams;
  }
  if (a.kind === 'GRPC' && b.kind === 'GRPC') {
    return b.serviceLength - a.serviceLength || b.methodLength - a.methodLength || b.headers - a.headers;
  }
  return a.kind === 'GRPC' ? -1 : 1;
}

/** Negative when `a` takes precedence over `b`. Total for entries of distinct routes, rules or matches. */
export function comparePrecedence(a: PrecedenceKey, b: PrecedenceKey): number {
  return compareMatch(a.match, b.match)
    || compareAge(a.route, b.route)
    || a.ruleIndex - b.ruleIndex
    || a.matchIndex - b.matchIndex;
}
