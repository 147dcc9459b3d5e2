/** The seam between the per-kind route translators and the generic attachment/status code. */
import type { Route } from '../../api/index.ts';
import type { BackendResolver } from '../backend-refs.ts';
import type { StatusError } from '../conditions.ts';
import type { ListenerContext, TranslationContext } from '../context.ts';
import type { ListenerTables } from './listener-tables.ts';

export type RouteKind = Route['kind'];

/** What every route translator gets. */
export interface RouteEnv {
  readonly ctx: TranslationContext;
  readonly backends: BackendResolver;
}

/** A rule the route phase drops, and why (an Accepted-type error). */
export interface RuleIssue {
  readonly ruleIndex: number;
  readonly ruleName: string | null;
  readonly error: StatusError;
}

/**
 * A route translated independently of its parents: its rules are validated and turned into IR once;
 * attachment then decides which listeners (and hostnames) receive that IR.
 */
export interface PreparedRoute {
  readonly route: Route;
  /** Lower-cased route hostnames for kinds that have them; null for TCPRoute and UDPRoute. */
  readonly hostnames: readonly string[] | null;
  readonly ruleCount: number;
  readonly invalidRules: readonly RuleIssue[];
  /** Unresolvable references (ResolvedRefs=False), in rule order. */
  readonly refProblems: readonly StatusError[];
  /** Adds this route's valid rules to a listener it attached to, for the given hostnames. */
  contribute(listener: ListenerContext, hostnames: readonly string[], tables: ListenerTables): void;
}
