/**
 * HTTPRoute → IrHttpRoute: one IR route per rule match (a rule without matches has one, PathPrefix
 * `/`), validated once; attachment then copies them into the virtual hosts of each listener.
 */
import type { HttpRoute, HttpRouteRule } from '../../api/index.ts';
import { objectKey } from '../../store/index.ts';
import type { StatusError } from '../conditions.ts';
import { translateFilters } from '../filters.ts';
import { ruleBackends } from './http-backends.ts';
import { httpMatch, MatchError } from './http-match.ts';
import { FAIL_CLOSED, prepareHttpLikeRoute } from './http-like-route.ts';
import { retry, sessionPersistence, timeouts } from './rule-options.ts';
import type { PreparedRoute, RouteEnv } from './types.ts';

/** The CRD's default when `rules` is omitted: one rule matching every path, with no backend. */
const DEFAULT_RULES: HttpRouteRule[] = [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }];

export function prepareHttpRoute(route: HttpRoute, env: RouteEnv): PreparedRoute {
  const origin = { kind: 'HTTPRoute', namespace: route.metadata.namespace, key: objectKey(route) };
  const rules = route.spec.rules && route.spec.rules.length > 0 ? route.spec.rules : DEFAULT_RULES;
  const refProblems: StatusError[] = [];
  return prepareHttpLikeRoute(route, rules, refProblems, (rule, at) => {
    const matches = rule.matches && rule.matches.length > 0 ? rule.matches : [{}];
    const translated = matches.map((m, j) => httpMatch(m, `${at} match ${j}`));
    const only = translated.length === 1 ? translated[0]!.match.path : null;
    const singlePrefix = only?.type === 'PathPrefix' ? only.value : null;
    const filters = translateFilters(rule.filters, { backends: env.backends, origin, usage: 'HTTP', singlePrefix }, at);
    refProblems.push(...filters.refProblems);
    if (filters.invalid) throw filters.invalid;
    if (filters.filters.some((f) => f.type === 'RequestRedirect') && (rule.backendRefs ?? []).length > 0) {
      throw new MatchError(`${at}: a RequestRedirect filter cannot be used together with backendRefs`);
    }
    const backends = ruleBackends(rule.backendRefs, env, origin, 'HTTP', singlePrefix, at);
    refProblems.push(...backends.refProblems);
    if (backends.invalid) throw backends.invalid;
    return {
      matches: translated,
      action: {
        filters: filters.failClosed ? [] : filters.filters,
        backends: filters.failClosed ? FAIL_CLOSED : backends.backends,
        timeouts: timeouts(rule, at),
        retry: retry(rule, at),
        sessionPersistence: sessionPersistence(rule.sessionPersistence, at),
        grpc: false,
      },
    };
  });
}
