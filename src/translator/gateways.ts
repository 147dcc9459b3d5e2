/**
 * Phase 2: Gateways. For each Gateway of one of our classes: its addresses, its listeners and
 * those of the ListenerSets it admits (validated, then checked for conflicts within the Gateway
 * and across Gateways sharing an address), its acceptance; the result is a GatewayContext per
 * Gateway for the route phase, plus the state the status phase needs.
 *
 * A Gateway whose gatewayClassName names no class of ours (or no class at all) is not ours: it
 * gets no status.
 */
import type { Gateway, ListenerSet } from '../api/index.ts';
import type { IrCertificate } from '../ir/index.ts';
import { objectKey } from '../store/index.ts';
import { isRefProblem, resolveCertificateRef, type RefProblem } from './certificates.ts';
import type { GatewayContext, ListenerContext, TranslationContext } from './context.ts';
import { resolveGatewayAddresses, type GatewayAddresses } from './addresses.ts';
import type { OwnedClass } from './gateway-class.ts';
import { markOverlappingTls, resolveCrossGatewayConflicts, resolveListenerConflicts } from './listener-conflicts.ts';
import {
  byPrecedence, isValidListener, listenerSetNotAllowed, settleListenerSet, targetsGateway, type ListenerSetState,
} from './listener-sets.ts';
import { validateListener, type ListenerDraft } from './listeners.ts';
import { gatewayParametersProblem } from './parameters.ts';
import { Reason } from './conditions.ts';

export interface GatewayState {
  readonly gateway: Gateway;
  readonly ownedClass: OwnedClass;
  readonly key: string;
  readonly addresses: GatewayAddresses;
  /** Accepted=False/InvalidParameters message, from `spec.infrastructure.parametersRef`. */
  readonly parametersProblem: string | null;
  /** The Gateway's own listeners, in spec order (later duplicates of a name dropped). */
  readonly drafts: readonly ListenerDraft[];
  readonly duplicateNames: readonly string[];
  /** `spec.tls.backend.clientCertificateRef`, resolved (null when unset). */
  readonly backendClientCertificate: IrCertificate | RefProblem | null;
  /** Every ListenerSet whose parentRef names this Gateway, in precedence order. */
  readonly listenerSets: readonly ListenerSetState[];
  accepted: boolean;
  context: GatewayContext | null;
}

export function prepareGateways(ctx: TranslationContext, classes: ReadonlyMap<string, OwnedClass>): GatewayState[] {
  const states: GatewayState[] = [];
  const gateways = ctx.snapshot.gateways.filter((g) => classes.has(g.spec?.gatewayClassName)).sort(byPrecedence);
  const listenerSets = [...ctx.snapshot.listenerSets].sort(byPrecedence);
  for (const gateway of gateways) {
    const { drafts, duplicateNames } = gatewayListeners(ctx, gateway);
    const sets = listenerSets.filter((ls) => targetsGateway(ls, gateway)).map((ls) => listenerSetState(ctx, gateway, ls));
    const backendRef = gateway.spec.tls?.backend?.clientCertificateRef;
    states.push({
      gateway,
      ownedClass: classes.get(gateway.spec.gatewayClassName)!,
      key: objectKey(gateway),
      addresses: resolveGatewayAddresses(gateway, ctx.options),
      parametersProblem: gatewayParametersProblem(ctx, gateway),
      drafts,
      duplicateNames,
      backendClientCertificate: backendRef ? resolveCertificateRef(ctx, { kind: 'Gateway', namespace: gateway.metadata.namespace }, backendRef) : null,
      listenerSets: sets,
      accepted: false,
      context: null,
    });
  }
  for (const state of states) {
    markUnavailableSockets(ctx, state);
    const groups = [state.drafts, ...state.listenerSets.filter((s) => s.notAllowed === null).map((s) => s.drafts)];
    resolveListenerConflicts(groups);
    markOverlappingTls(groups.flat());
  }
  // Only Gateways that can be served claim ports on shared addresses.
  const serving = states.filter((s) => gatewayMayServe(s) && s.addresses.bound.length > 0);
  resolveCrossGatewayConflicts(serving.map((s) => ({
    label: `${s.gateway.metadata.namespace}/${s.gateway.metadata.name}`,
    addresses: s.addresses.bound,
    listeners: [s.drafts, ...s.listenerSets.filter((l) => l.notAllowed === null).map((l) => l.drafts)].flat(),
  })));
  for (const state of states) {
    state.accepted = gatewayMayServe(state) && (state.drafts.length === 0 || state.drafts.some((d) => d.notAccepted === null));
    for (const set of state.listenerSets) settleListenerSet(set, state.accepted);
    state.context = gatewayContext(state);
  }
  return states;
}

/** Acceptance before listeners are looked at: class, parameters and addresses. */
function gatewayMayServe(state: GatewayState): boolean {
  return state.ownedClass.accepted && state.parametersProblem === null && state.addresses.unsupported === null;
}

function gatewayListeners(ctx: TranslationContext, gateway: Gateway): { drafts: ListenerDraft[]; duplicateNames: string[] } {
  const holder = { kind: 'Gateway', namespace: gateway.metadata.namespace, name: gateway.metadata.name } as const;
  const drafts: ListenerDraft[] = [];
  const duplicateNames: string[] = [];
  for (const spec of gateway.spec.listeners ?? []) {
    // Listener names key status.listeners and route sectionNames; the CRD forbids duplicates, a manifest may not.
    if (drafts.some((d) => d.name === spec.name)) duplicateNames.push(spec.name);
    else drafts.push(validateListener(ctx, gateway, holder, null, spec));
  }
  return { drafts, duplicateNames };
}

function listenerSetState(ctx: TranslationContext, gateway: Gateway, listenerSet: ListenerSet): ListenerSetState {
  const holder = { kind: 'ListenerSet', namespace: listenerSet.metadata.namespace, name: listenerSet.metadata.name } as const;
  const drafts: ListenerDraft[] = [];
  for (const spec of listenerSet.spec.listeners ?? []) {
    if (!drafts.some((d) => d.name === spec.name)) drafts.push(validateListener(ctx, gateway, holder, listenerSet, spec));
  }
  return { listenerSet, notAllowed: listenerSetNotAllowed(ctx, gateway, listenerSet), drafts, accepted: false };
}

/** Listeners whose socket the data plane reported it could not bind (options.unavailableSockets). */
function markUnavailableSockets(ctx: TranslationContext, state: GatewayState): void {
  const unavailable = ctx.options.unavailableSockets;
  if (!unavailable || unavailable.size === 0) return;
  const all = [state.drafts, ...state.listenerSets.map((s) => s.drafts)].flat();
  for (const d of all) {
    if (d.family === null || d.notAccepted !== null) continue;
    for (const address of state.addresses.bound) {
      const why = unavailable.get(`${d.family}/${address}:${d.port}`);
      if (why === undefined) continue;
      const message = `${address}:${d.port} cannot be bound: ${why}`;
      d.notAccepted = { reason: Reason.PortUnavailable, message, programmedReason: Reason.PortUnavailable };
      break;
    }
  }
}

function gatewayContext(state: GatewayState): GatewayContext {
  const listeners: ListenerContext[] = [];
  const context: GatewayContext = {
    gateway: state.gateway,
    gatewayClass: state.ownedClass.gatewayClass,
    id: `gateway/${state.gateway.metadata.namespace}/${state.gateway.metadata.name}`,
    accepted: state.accepted,
    addresses: state.addresses.bound,
    backendClientCertificate: state.backendClientCertificate && !isRefProblem(state.backendClientCertificate) ? state.backendClientCertificate : null,
    listeners,
  };
  const add = (d: ListenerDraft, parentAccepted: boolean) => {
    const attachable = parentAccepted && d.notAccepted === null;
    listeners.push({
      id: d.id,
      gateway: context,
      listenerSet: d.listenerSet,
      spec: d.spec,
      name: d.name,
      port: d.port,
      protocol: d.protocol,
      hostname: d.hostname,
      supportedKinds: d.supportedKinds,
      attachable,
      ready: attachable && isValidListener(d) && state.addresses.bound.length > 0,
      tls: d.tls,
      allowsNamespace: d.allowsNamespace,
      attachedRoutes: 0,
      extraConditions: [],
    });
  };
  for (const d of state.drafts) add(d, state.accepted);
  for (const set of state.listenerSets) for (const d of set.drafts) add(d, set.accepted);
  return context;
}

/** The ListenerContext built for a draft (same id within one Gateway). */
export function contextOf(state: GatewayState, d: ListenerDraft): ListenerContext | undefined {
  return state.context?.listeners.find((l) => l.id === d.id);
}
