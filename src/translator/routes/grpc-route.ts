/**
 * GRPCRoute → IrHttpRoute with `grpc: true`. A gRPC call is a POST to `/<service>/<method>`, so
 * method matches become path matches:
 *   Exact service + method  → Exact `/<service>/<method>`
 *   Exact service only      → PathPrefix `/<service>` (any method of the service)
 *   Exact method only       → RegularExpression `/[^/]+/<method>` (implementation-specific)
 *   RegularExpression       → RegularExpression `/(?:<service>)/(?:<method>)`, `[^/]+` for the one left out
 * No matches: every gRPC request (PathPrefix `/`).
 */
import type { GrpcRoute, GrpcRouteMatch, HttpRouteFilter } from '../../api/index.ts';
import type { IrHttpMatch } from '../../ir/index.ts';
import { objectKey } from '../../store/index.ts';
import type { StatusError } from '../conditions.ts';
import { translateFilters } from '../filters.ts';
import type { GrpcPrecedence } from '../precedence.ts';
import { quoteRegex, regexError } from '../regex.ts';
import { ruleBackends } from './http-backends.ts';
import { MatchError, namedMatches } from './http-match.ts';
import { FAIL_CLOSED, prepareHttpLikeRoute } from './http-like-route.ts';
import { sessionPersistence } from './rule-options.ts';
import type { PreparedRoute, RouteEnv } from './types.ts';

const NO_TIMEOUTS = { requestMs: null, backendRequestMs: null };

function grpcMatch(m: GrpcRouteMatch, at: string): { match: IrHttpMatch; precedence: GrpcPrecedence } {
  const headers = namedMatches(m.headers, true, at);
  const service = m.method?.service || undefined;
  const method = m.method?.method || undefined;
  const precedence: GrpcPrecedence = { kind: 'GRPC', serviceLength: service?.length ?? 0, methodLength: method?.length ?? 0, headers: headers.length };
  const base = { headers, queryParams: [], method: null };
  if (!m.method) return { match: { path: { type: 'PathPrefix', value: '/' }, ...base }, precedence };
  if (!service && !method) throw new MatchError(`${at}: a method match needs a service or a method`);
  const type = m.method.type ?? 'Exact';
  if (type === 'Exact') {
    for (const part of [service, method]) if (part?.includes('/')) throw new MatchError(`${at}: ${JSON.stringify(part)} must not contain /`);
    if (service && method) return { match: { path: { type: 'Exact', value: `/${service}/${method}` }, ...base }, precedence };
    if (service) return { match: { path: { type: 'PathPrefix', value: `/${service}` }, ...base }, precedence };
    return { match: { path: { type: 'RegularExpression', value: `/[^/]+/${quoteRegex(method!)}` }, ...base }, precedence };
  }
  if (type !== 'RegularExpression') throw new MatchError(`${at}: method match type ${String(type)} is not supported`);
  for (const part of [service, method]) {
    const problem = part === undefined ? null : regexError(part);
    if (problem) throw new MatchError(`${at}: invalid regular expression ${JSON.stringify(part)}: ${problem}`);
  }
  const value = `/(?:${service ?? '[^/]+'})/(?:${method ?? '[^/]+'})`;
  return { match: { path: { type: 'RegularExpression', value }, ...base }, precedence };
}

export function prepareGrpcRoute(route: GrpcRoute, env: RouteEnv): PreparedRoute {
  const origin = { kind: 'GRPCRoute', namespace: route.metadata.namespace, key: objectKey(route) };
  const refProblems: StatusError[] = [];
  return prepareHttpLikeRoute(route, route.spec.rules ?? [], refProblems, (rule, at) => {
    const matches = rule.matches && rule.matches.length > 0 ? rule.matches : [{}];
    const translated = matches.map((m, j) => grpcMatch(m, `${at} match ${j}`));
    const filters = translateFilters(rule.filters as HttpRouteFilter[] | undefined, { backends: env.backends, origin, usage: 'GRPC', singlePrefix: null }, at);
    refProblems.push(...filters.refProblems);
    if (filters.invalid) throw filters.invalid;
    const backends = ruleBackends(rule.backendRefs as never, env, origin, 'GRPC', null, at);
    refProblems.push(...backends.refProblems);
    if (backends.invalid) throw backends.invalid;
    return {
      matches: translated,
      action: {
        filters: filters.failClosed ? [] : filters.filters,
        backends: filters.failClosed ? FAIL_CLOSED : backends.backends,
        timeouts: NO_TIMEOUTS,
        retry: null,
        sessionPersistence: sessionPersistence(rule.sessionPersistence, at),
        grpc: true,
      },
    };
  });
}
