/**
 * Phase 5 (status half): Gateway and ListenerSet statuses, written after the route phase has
 * counted attachedRoutes and raised any listener conditions of its own.
 *
 * Gateway conditions (gateway_types.go):
 * - Accepted: False/Invalid when its class is not accepted, False/InvalidParameters,
 *   False/UnsupportedAddress, False/ListenersNotValid when no listener is accepted;
 *   True/ListenersNotValid when some listeners are invalid; else True/Accepted.
 * - Programmed: False/Invalid when not accepted, False/AddressNotAssigned or AddressNotUsable,
 *   False/Invalid when no listener is programmed; else True/Programmed.
 * - ResolvedRefs: the backend client certificate (InvalidClientCertificateRef, RefNotPermitted),
 *   then a summary of the listeners' (ListenersNotResolved).
 * - InsecureFrontendValidationMode: True/ConfigurationChanged only while some frontend validation
 *   allows insecure fallback; absent otherwise (the spec says it is removed).
 * Accepted and Programmed reflect the Gateway's own listeners; ListenerSets report on themselves.
 */
import type { GatewayStatus } from '../api/index.ts';
import { isRefProblem } from './certificates.ts';
import { ConditionType, GatewayConditionType, GatewayReason, Reason, condition, type PendingCondition } from './conditions.ts';
import type { TranslationContext } from './context.ts';
import { insecureFallbackPorts } from './frontend-tls.ts';
import { contextOf, type GatewayState } from './gateways.ts';
import { isValidListener, listenerSetConditions } from './listener-sets.ts';
import { listenerStatus } from './listener-status.ts';
import { unservableRefs, type ListenerDraft } from './listeners.ts';
import { stampedStatus } from './status-helpers.ts';
import type { ObjectStatus } from './types.ts';

export function gatewayStatuses(ctx: TranslationContext, states: readonly GatewayState[]): ObjectStatus[] {
  const statuses: ObjectStatus[] = [];
  for (const state of states) {
    statuses.push(stampedStatus(ctx, state.gateway, (stamper) => {
      const blocker = listenerBlocker(state);
      const status: GatewayStatus = {};
      if (state.accepted && state.addresses.bound.length > 0) status.addresses = state.addresses.bound.map((value) => ({ type: 'IPAddress', value }));
      status.conditions = stamper.stamp(gatewayConditions(state));
      status.listeners = state.drafts.map((d) => listenerStatus(d, blocker, contextOf(state, d), stamper));
      status.attachedListenerSets = state.listenerSets.filter((s) => s.accepted).length;
      return { ...status };
    }));
    for (const set of state.listenerSets) {
      statuses.push(stampedStatus(ctx, set.listenerSet, (stamper) => {
        const conditions = stamper.stamp(listenerSetConditions(set, state.accepted, state.addresses.bound.length > 0));
        if (set.notAllowed !== null) return { conditions };
        const blocker = listenerBlocker(state) ?? (set.accepted ? null : 'The ListenerSet is not accepted');
        return { conditions, listeners: set.drafts.map((d) => listenerStatus(d, blocker, contextOf(state, d), stamper)) };
      }));
    }
  }
  return statuses;
}

/** Why a valid listener of this Gateway still cannot be programmed, or null. */
function listenerBlocker(state: GatewayState): string | null {
  if (!state.accepted) return 'The Gateway is not accepted';
  if (state.addresses.bound.length === 0) return 'The Gateway has no address to bind';
  return null;
}

function gatewayConditions(state: GatewayState): PendingCondition[] {
  const list = [acceptedCondition(state), programmedCondition(state), resolvedRefsCondition(state)];
  const insecure = insecureFallbackPorts(state.gateway);
  if (insecure.length > 0) {
    list.push(condition(GatewayConditionType.InsecureFrontendValidationMode, true, GatewayReason.ConfigurationChanged,
      `Client certificate validation allows insecure fallback (${insecure.join(', ')})`));
  }
  return list;
}

function describe(d: ListenerDraft): string {
  return `"${d.name}" (${d.notAccepted?.reason ?? unservableRefs(d)[0]?.reason})`;
}

function acceptedCondition(state: GatewayState): PendingCondition {
  const no = (reason: string, message: string) => condition(ConditionType.Accepted, false, reason, message);
  const { ownedClass } = state;
  if (!ownedClass.accepted) return no(Reason.Invalid, `GatewayClass "${ownedClass.gatewayClass.metadata.name}" is not accepted: ${ownedClass.problem}`);
  if (state.parametersProblem) return no(Reason.InvalidParameters, state.parametersProblem);
  if (state.addresses.unsupported) return no(Reason.UnsupportedAddress, state.addresses.unsupported);
  const invalid = state.drafts.filter((d) => !isValidListener(d));
  const accepted = state.drafts.filter((d) => d.notAccepted === null).map((d) => `"${d.name}"`);
  const notes = [
    ...(invalid.length > 0 ? [`invalid listeners: ${invalid.map(describe).join(', ')}`] : []),
    ...(state.duplicateNames.length > 0 ? [`duplicate listener names ignored: ${state.duplicateNames.map((n) => `"${n}"`).join(', ')}`] : []),
  ];
  if (!state.accepted) return no(Reason.ListenersNotValid, `No listener is accepted. ${capitalize(notes.join('; '))}`);
  if (notes.length > 0) {
    return condition(ConditionType.Accepted, true, Reason.ListenersNotValid, `${capitalize(notes.join('; '))}; accepted listeners: ${accepted.join(', ') || 'none'}`);
  }
  return condition(ConditionType.Accepted, true, Reason.Accepted, 'Accepted');
}

function programmedCondition(state: GatewayState): PendingCondition {
  const no = (reason: string, message: string) => condition(ConditionType.Programmed, false, reason, message);
  if (!state.accepted) return no(Reason.Invalid, 'The Gateway is not accepted');
  const { bound, notUsable } = state.addresses;
  if (notUsable) return no(Reason.AddressNotUsable, bound.length > 0 ? `${notUsable}; serving on ${bound.join(', ')} only` : notUsable);
  if (bound.length === 0) return no(Reason.AddressNotAssigned, 'No address to bind: no spec.addresses and no default address is configured');
  const programmed = state.context?.listeners.filter((l) => l.listenerSet === null && l.ready) ?? [];
  if (state.drafts.length > 0 && programmed.length === 0) return no(Reason.Invalid, 'No listener is programmed');
  return condition(ConditionType.Programmed, true, Reason.Programmed, `Serving on ${bound.join(', ')}`);
}

function resolvedRefsCondition(state: GatewayState): PendingCondition {
  const backend = state.backendClientCertificate;
  if (backend && isRefProblem(backend)) {
    const reason = backend.kind === 'RefNotPermitted' ? Reason.RefNotPermitted : Reason.InvalidClientCertificateRef;
    return condition(ConditionType.ResolvedRefs, false, reason, `tls.backend.clientCertificateRef: ${backend.message}`);
  }
  const unresolved = state.drafts.filter((d) => d.unresolved.length > 0).map((d) => `"${d.name}"`);
  if (unresolved.length > 0) {
    return condition(ConditionType.ResolvedRefs, false, GatewayReason.ListenersNotResolved, `Listeners with unresolved references: ${unresolved.join(', ')}`);
  }
  return condition(ConditionType.ResolvedRefs, true, Reason.ResolvedRefs, 'All references resolved');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
