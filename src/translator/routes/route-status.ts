/**
 * The conditions of one route parent entry:
 *   Accepted          True/Accepted, or False with the attachment reason, or — when every rule is
 *                     invalid — False with the first invalid rule's reason (UnsupportedValue,
 *                     IncompatibleFilters);
 *   ResolvedRefs      True/ResolvedRefs, or False with the first problem's reason; every problem is
 *                     listed in the message;
 *   PartiallyInvalid  only when the route is Accepted and some rules were dropped: True with
 *                     UnsupportedValue and a message starting "Dropped Rule" (the spec's
 *                     drop-rules approach; Switchyard has no last-known-good state to fall back to).
 */
import { ConditionType, Reason, condition } from '../conditions.ts';
import type { PendingCondition } from '../conditions.ts';
import type { PreparedRoute, RuleIssue } from './types.ts';

/** Rule errors already name their rule ("rule 2 (name) filter 0: …"). */
const describe = (issue: RuleIssue) => issue.error.message;

/** True when the route has rules and none survived validation. */
export function allRulesInvalid(prepared: PreparedRoute): boolean {
  return prepared.ruleCount > 0 && prepared.invalidRules.length === prepared.ruleCount;
}

export function parentConditions(prepared: PreparedRoute, refused: PendingCondition | null): PendingCondition[] {
  const invalid = prepared.invalidRules;
  let accepted: PendingCondition;
  if (refused) accepted = refused;
  else if (allRulesInvalid(prepared)) accepted = condition(ConditionType.Accepted, false, invalid[0]!.error.reason, `All rules are invalid: ${invalid.map(describe).join('; ')}`);
  else accepted = condition(ConditionType.Accepted, true, Reason.Accepted, 'Route is accepted');

  const problems = prepared.refProblems;
  const resolvedRefs = problems.length === 0
    ? condition(ConditionType.ResolvedRefs, true, Reason.ResolvedRefs, 'All references are resolved')
    : condition(ConditionType.ResolvedRefs, false, problems[0]!.reason, [...new Set(problems.map((p) => p.message))].join('; '));

  const out = [accepted, resolvedRefs];
  if (accepted.status === 'True' && invalid.length > 0) {
    out.push(condition(ConditionType.PartiallyInvalid, true, Reason.UnsupportedValue, `Dropped Rule(s): ${invalid.map(describe).join('; ')}`));
  }
  return out;
}
