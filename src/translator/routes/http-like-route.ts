/**
 * What HTTPRoute and GRPCRoute share once a rule is translated: one IR route per match (ids and
 * sources), an invalid rule dropped with its reason (PartiallyInvalid), and attachment to HTTP and
 * HTTPS listeners for every intersecting hostname.
 */
import type { HttpRoute, GrpcRoute } from '../../api/index.ts';
import type { IrHttpMatch, IrHttpRoute } from '../../ir/index.ts';
import { StatusError } from '../conditions.ts';
import type { ListenerContext } from '../context.ts';
import type { PrecedenceKey } from '../precedence.ts';
import type { HttpEntry, ListenerTables } from './listener-tables.ts';
import type { PreparedRoute, RuleIssue } from './types.ts';

/** The backends of a rule whose ExtensionRef filter cannot run: every request gets HTTP 500. */
export const FAIL_CLOSED = [{ weight: 1, clusterId: null, filters: [] }] as const;

/** What every match of one rule shares. */
export type RuleAction = Pick<IrHttpRoute, 'filters' | 'backends' | 'timeouts' | 'retry' | 'sessionPersistence' | 'grpc'>;

export interface TranslatedRule {
  readonly matches: readonly { readonly match: IrHttpMatch; readonly precedence: PrecedenceKey['match'] }[];
  readonly action: RuleAction;
}

/**
 * Runs `translateRule` over every rule; a rule that throws a StatusError is dropped and reported,
 * the others become IR routes.
 */
export function prepareHttpLikeRoute<R extends { name?: string }>(
  route: HttpRoute | GrpcRoute,
  rules: readonly R[],
  refProblems: StatusError[],
  translateRule: (rule: R, at: string) => TranslatedRule,
): PreparedRoute {
  const { namespace, name } = route.metadata;
  const kind = route.kind;
  const entries: HttpEntry[] = [];
  const invalidRules: RuleIssue[] = [];
  for (const [ruleIndex, rule] of rules.entries()) {
    const ruleName = rule.name ?? null;
    const at = `rule ${ruleIndex}${ruleName ? ` (${ruleName})` : ''}`;
    try {
      const { matches, action } = translateRule(rule, at);
      for (const [matchIndex, t] of matches.entries()) {
        const ir: IrHttpRoute = {
          id: `${kind.toLowerCase()}/${namespace}/${name}/rule/${ruleIndex}/match/${matchIndex}`,
          source: { kind, namespace, name, ruleIndex, ruleName, matchIndex },
          match: t.match,
          ...action,
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
