/**
 * HTTPRoute → IrHttpRoute: one IR route per rule match (a rule without matches has one, PathPrefix
 * `/`), validated once; attachment then copies them into the virtual hosts of each listener.
 */
import type { HttpRoute, HttpRouteRule } from '../../api/index.ts';
import type { IrHttpRoute } from '../../ir/index.ts';
import { objectKey } from '../../store/index.ts';
import { StatusError } from '../conditions.ts';
import { translateFilters } from '../filters.ts';
import type { ListenerContext } from '../context.ts';
import { ruleBackends } from './http-backends.ts';
import { httpMatch, MatchError } from './http-match.ts';
import type { HttpEntry, ListenerTables } from './listener-tables.ts';
import { retry, sessionPersistence, timeouts } from './rule-options.ts';
import type { PreparedRoute, RouteEnv, RuleIssue } from './types.ts';

/** The CRD's default when `rules` is omitted: one rule matching every path, with no backend. */
const DEFAULT_RULES: HttpRouteRule[] = [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }];

/** The backends of a rule whose ExtensionRef filter cannot run: every request gets HTTP 500. */
const FAIL_CLOSED = [{ weight: 1, clusterId: null, filters: [] }];

export function prepareHttpRoute(route: HttpRoute, env: RouteEnv): PreparedRoute {
  const { namespace, name } = route.metadata;
  const origin = { kind: 'HTTPRoute', namespace, key: objectKey(route) };
  const rules = route.spec.rules && route.spec.rules.length > 0 ? route.spec.rules : DEFAULT_RULES;
  const entries: HttpEntry[] = [];
  const invalidRules: RuleIssue[] = [];
  const refProblems: StatusError[] = [];

  for (const [ruleIndex, rule] of rules.entries()) {
    const ruleName = rule.name ?? null;
    const at = `rule ${ruleIndex}${ruleName ? ` (${ruleName})` : ''}`;
    try {
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
      const common = {
        filters: filters.failClosed ? [] : filters.filters,
        backends: filters.failClosed ? FAIL_CLOSED : backends.backends,
        timeouts: timeouts(rule, at),
        retry: retry(rule, at),
        sessionPersistence: sessionPersistence(rule.sessionPersistence, at),
        grpc: false,
      };
      for (const [matchIndex, t] of translated.entries()) {
        const ir: IrHttpRoute = {
          id: `httproute/${namespace}/${name}/rule/${ruleIndex}/match/${matchIndex}`,
          source: { kind: 'HTTPRoute', namespace, name, ruleIndex, ruleName, matchIndex },
          match: t.match,
          ...common,
        };
        entries.push({ ir, key: { match: t.precedence, route, ruleIndex, matchIndex } });
      }
    } catch (error) {
      if (!(error instanceof StatusError)) throw error;
      invalidRules.push({ ruleIndex, ruleName, error });
    }
  }

  return {
    route,
    hostnames: (route.spec.hostnames ?? []).map((h) => h.toLowerCase()),
    ruleCount: rules.length,
    invalidRules,
    refProblems,
    contribute(listener: ListenerContext, hostnames: readonly string[], tables: ListenerTables) {
      if (listener.protocol !== 'HTTP' && listener.protocol !== 'HTTPS') return;
      for (const hostname of hostnames) for (const entry of entries) tables.addHttp(listener, hostname, entry);
    },
  };
}
