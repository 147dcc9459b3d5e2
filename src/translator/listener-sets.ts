/**
 * ListenerSets (standard in v1.6, GEP-1713): extra listeners merged into a parent Gateway.
 *
 * A ListenerSet is ours when its parentRef names a Gateway we own. It attaches when the Gateway's
 * `allowedListeners` (None by default) admits its namespace, and it is Accepted when the Gateway
 * is and at least one of its listeners is valid. Its listeners join the Gateway's port space after
 * the Gateway's own, oldest ListenerSet first (listener-conflicts.ts).
 */
import { GATEWAY_GROUP, type Gateway, type ListenerSet } from '../api/index.ts';
import { ConditionType, GatewayReason, Reason, condition, type PendingCondition } from './conditions.ts';
import type { TranslationContext } from './context.ts';
import { unservableRefs, type ListenerDraft } from './listeners.ts';
import { compileNamespacePolicy } from './namespaces.ts';

/** The merge order of the spec: oldest first, then namespace/name. Objects without a creation time sort as equal in age. */
export function byPrecedence<T extends { metadata: { creationTimestamp?: string; namespace?: string; name: string } }>(a: T, b: T): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const nb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** Whether the ListenerSet's parentRef names this Gateway. */
export function targetsGateway(listenerSet: ListenerSet, gateway: Gateway): boolean {
  const ref = listenerSet.spec?.parentRef;
  if (!ref) return false;
  return (ref.group ?? GATEWAY_GROUP) === GATEWAY_GROUP
    && (ref.kind ?? 'Gateway') === 'Gateway'
    && (ref.namespace ?? listenerSet.metadata.namespace) === gateway.metadata.namespace
    && ref.name === gateway.metadata.name;
}

/** null when the Gateway admits the ListenerSet, else why not (the Accepted=False/NotAllowed message). */
export function listenerSetNotAllowed(ctx: TranslationContext, gateway: Gateway, listenerSet: ListenerSet): string | null {
  const policy = gateway.spec.allowedListeners?.namespaces;
  const allows = compileNamespacePolicy(policy, 'None', gateway.metadata.namespace, ctx.namespaceLabels);
  const parent = `Gateway ${gateway.metadata.namespace}/${gateway.metadata.name}`;
  if (typeof allows !== 'function') return `${parent} has an invalid allowedListeners: ${allows.error}`;
  if (allows(listenerSet.metadata.namespace)) return null;
  return policy?.from === undefined || policy.from === 'None'
    ? `${parent} does not allow ListenerSets (spec.allowedListeners)`
    : `${parent} does not allow ListenerSets from namespace "${listenerSet.metadata.namespace}"`;
}

/** The state of one ListenerSet after the gateway phase. */
export interface ListenerSetState {
  readonly listenerSet: ListenerSet;
  /** Null when allowed by the parent. */
  readonly notAllowed: string | null;
  readonly drafts: readonly ListenerDraft[];
  accepted: boolean;
}

/** A listener that would be programmed if its parent is: accepted, certificates resolved. */
export function isValidListener(d: ListenerDraft): boolean {
  return d.notAccepted === null && unservableRefs(d).length === 0;
}

/** Decides Accepted for a ListenerSet once its parent's acceptance and its listeners' conflicts are known. */
export function settleListenerSet(state: ListenerSetState, parentAccepted: boolean): void {
  state.accepted = state.notAllowed === null && parentAccepted && state.drafts.some(isValidListener);
}

/** The ListenerSet's Accepted and Programmed conditions. */
export function listenerSetConditions(state: ListenerSetState, parentAccepted: boolean, parentHasAddresses: boolean): PendingCondition[] {
  const both = (reason: string, message: string) => [
    condition(ConditionType.Accepted, false, reason, message),
    condition(ConditionType.Programmed, false, reason, message),
  ];
  if (state.notAllowed !== null) return both(Reason.NotAllowed, state.notAllowed);
  if (!parentAccepted) return both(Reason.ParentNotAccepted, 'The parent Gateway is not accepted');
  const invalid = state.drafts.filter((d) => !isValidListener(d)).map((d) => `"${d.name}"`);
  if (!state.accepted) return both(Reason.ListenersNotValidForSet, `No listener is valid: ${invalid.join(', ')}`);
  return [
    invalid.length > 0
      ? condition(ConditionType.Accepted, true, Reason.ListenersNotValidForSet, `Listeners not valid: ${invalid.join(', ')}`)
      : condition(ConditionType.Accepted, true, Reason.Accepted, 'Accepted'),
    parentHasAddresses
      ? condition(ConditionType.Programmed, true, Reason.Programmed, 'Programmed')
      : condition(ConditionType.Programmed, false, GatewayReason.ParentNotProgrammed, 'The parent Gateway has no address to bind'),
  ];
}
