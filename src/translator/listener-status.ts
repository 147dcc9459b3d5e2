/**
 * `status.listeners[]` entries for Gateways and ListenerSets: Accepted, Programmed, ResolvedRefs
 * and Conflicted always (the positive-polarity conditions must always be present), plus
 * OverlappingTLSConfig only when True (negative polarity: it MUST NOT be set when False), plus any
 * condition a later phase raised on the listener.
 */
import type { ListenerStatus } from '../api/index.ts';
import { ConditionType, Reason, condition, setCondition, type PendingCondition } from './conditions.ts';
import type { ListenerContext } from './context.ts';
import { unservableRefs, type ListenerDraft } from './listeners.ts';
import type { StatusStamper } from './status-helpers.ts';

/** Why an otherwise valid listener is not programmed (its Gateway or ListenerSet), or null. */
export type ParentBlocker = string | null;

export function listenerConditions(d: ListenerDraft, blocker: ParentBlocker, context: ListenerContext | undefined): PendingCondition[] {
  const list: PendingCondition[] = [];
  list.push(d.notAccepted
    ? condition(ConditionType.Accepted, false, d.notAccepted.reason, d.notAccepted.message)
    : condition(ConditionType.Accepted, true, Reason.Accepted, 'Accepted'));
  if (d.notAccepted) list.push(condition(ConditionType.Programmed, false, d.notAccepted.programmedReason, d.notAccepted.message));
  else if (unservableRefs(d).length > 0) list.push(condition(ConditionType.Programmed, false, Reason.Invalid, `Unresolved references: ${unservableRefs(d).map((p) => p.message).join('; ')}`));
  else if (blocker !== null) list.push(condition(ConditionType.Programmed, false, Reason.Pending, blocker));
  else list.push(condition(ConditionType.Programmed, true, Reason.Programmed, 'Programmed'));
  list.push(d.unresolved.length > 0
    ? condition(ConditionType.ResolvedRefs, false, d.unresolved[0]!.reason, d.unresolved.map((p) => p.message).join('; '))
    : condition(ConditionType.ResolvedRefs, true, Reason.ResolvedRefs, 'All references resolved'));
  list.push(d.conflict
    ? condition(ConditionType.Conflicted, true, d.conflict.reason, d.conflict.message)
    : condition(ConditionType.Conflicted, false, Reason.NoConflicts, 'No conflicts'));
  if (d.overlappingTls) list.push(condition(ConditionType.OverlappingTLSConfig, true, Reason.OverlappingHostnames, d.overlappingTls));
  for (const extra of context?.extraConditions ?? []) setCondition(list, extra);
  return list;
}

export function listenerStatus(
  d: ListenerDraft,
  blocker: ParentBlocker,
  context: ListenerContext | undefined,
  stamper: StatusStamper,
): ListenerStatus {
  return {
    name: d.name,
    supportedKinds: d.supportedKinds.map((k) => ({ ...k })),
    attachedRoutes: context?.attachedRoutes ?? 0,
    conditions: stamper.stampListener(d.name, listenerConditions(d, blocker, context)),
  };
}
