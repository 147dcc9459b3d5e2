/**
 * Condition types, reasons and builders. Translation accumulates: each problem becomes a condition
 * on the object it belongs to; nothing throws. `lastTransitionTime` comes from the injected clock
 * and is kept from the previous status when type, status, reason and message are unchanged.
 */
import type { Condition } from '../api/index.ts';

export const ConditionType = {
  Accepted: 'Accepted',
  Programmed: 'Programmed',
  ResolvedRefs: 'ResolvedRefs',
  Conflicted: 'Conflicted',
  SupportedVersion: 'SupportedVersion',
  PartiallyInvalid: 'PartiallyInvalid',
  OverlappingTLSConfig: 'OverlappingTLSConfig',
  AttachedListenerSets: 'AttachedListenerSets',
} as const;
export type ConditionType = (typeof ConditionType)[keyof typeof ConditionType];

/** Every reason Switchyard sets, named as the Gateway API specification names them. */
export const Reason = {
  // shared
  Accepted: 'Accepted',
  Programmed: 'Programmed',
  ResolvedRefs: 'ResolvedRefs',
  Pending: 'Pending',
  Invalid: 'Invalid',
  InvalidParameters: 'InvalidParameters',
  UnsupportedValue: 'UnsupportedValue',
  // GatewayClass
  Unsupported: 'Unsupported',
  SupportedVersion: 'SupportedVersion',
  UnsupportedVersion: 'UnsupportedVersion',
  // Gateway
  ListenersNotValid: 'ListenersNotValid',
  UnsupportedAddress: 'UnsupportedAddress',
  AddressNotAssigned: 'AddressNotAssigned',
  AddressNotUsable: 'AddressNotUsable',
  NoResources: 'NoResources',
  ListenerSetsAttached: 'ListenerSetsAttached',
  NoListenerSetsAttached: 'NoListenerSetsAttached',
  // Listener
  NoConflicts: 'NoConflicts',
  HostnameConflict: 'HostnameConflict',
  ProtocolConflict: 'ProtocolConflict',
  PortUnavailable: 'PortUnavailable',
  UnsupportedProtocol: 'UnsupportedProtocol',
  InvalidCertificateRef: 'InvalidCertificateRef',
  InvalidRouteKinds: 'InvalidRouteKinds',
  RefNotPermitted: 'RefNotPermitted',
  InvalidCACertificateRef: 'InvalidCACertificateRef',
  InvalidCACertificateKind: 'InvalidCACertificateKind',
  InvalidClientCertificateRef: 'InvalidClientCertificateRef',
  OverlappingHostnames: 'OverlappingHostnames',
  OverlappingCertificates: 'OverlappingCertificates',
  // ListenerSet
  NotAllowed: 'NotAllowed',
  ParentNotAccepted: 'ParentNotAccepted',
  ListenersNotValidForSet: 'ListenersNotValid',
  // Routes (HostnameConflict above also rejects the later of an HTTPRoute/GRPCRoute pair that
  // overlap on a listener: the spec names no reason for it, see routes/http-grpc-conflicts.ts)
  NotAllowedByListeners: 'NotAllowedByListeners',
  NoMatchingListenerHostname: 'NoMatchingListenerHostname',
  NoMatchingParent: 'NoMatchingParent',
  IncompatibleFilters: 'IncompatibleFilters',
  InvalidKind: 'InvalidKind',
  BackendNotFound: 'BackendNotFound',
  // Policies
  Conflicted: 'Conflicted',
  TargetNotFound: 'TargetNotFound',
  NoValidCACertificate: 'NoValidCACertificate',
} as const;
export type Reason = (typeof Reason)[keyof typeof Reason];

/** A condition before observedGeneration and lastTransitionTime are stamped on. */
export interface PendingCondition {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  readonly reason: string;
  readonly message: string;
}

export function condition(type: string, status: boolean | 'Unknown', reason: string, message: string): PendingCondition {
  return { type, status: status === 'Unknown' ? 'Unknown' : status ? 'True' : 'False', reason, message };
}

/**
 * A problem found while translating, carried to the object (or listener, or parent entry) it is
 * about. `type` and `reason` say which condition it becomes.
 */
export class StatusError {
  readonly type: string;
  readonly reason: string;
  readonly message: string;
  constructor(type: string, reason: string, message: string) {
    this.type = type;
    this.reason = reason;
    this.message = message;
  }
  toCondition(): PendingCondition {
    return condition(this.type, false, this.reason, this.message);
  }
}

/**
 * Stamps observedGeneration and lastTransitionTime. A condition keeps the previous
 * lastTransitionTime when the previous list has the same type with the same status — the spec's
 * meaning of "transition" — so reason or message changes alone do not move it.
 */
export function stampConditions(
  pending: readonly PendingCondition[],
  generation: number,
  now: string,
  previous: readonly Condition[] | undefined,
): Condition[] {
  return pending.map((c) => {
    const before = previous?.find((p) => p.type === c.type);
    const lastTransitionTime = before && before.status === c.status ? before.lastTransitionTime : now;
    return { type: c.type, status: c.status, reason: c.reason, message: c.message, observedGeneration: generation, lastTransitionTime };
  });
}

/** Sets (replacing any of the same type) a condition in a list that is being built. */
export function setCondition(list: PendingCondition[], c: PendingCondition): void {
  const i = list.findIndex((x) => x.type === c.type);
  if (i >= 0) list[i] = c;
  else list.push(c);
}

/**
 * Gateway-side names from the v1.6 specification that the lists above lack (appended so the
 * originals stay untouched): the Gateway's frontend-validation condition, the Gateway
 * ResolvedRefs summary reason, and the ListenerSet/Listener reasons used by the gateway phase.
 */
export const GatewayConditionType = {
  /** True while any frontend client-certificate validation runs in AllowInsecureFallback mode. */
  InsecureFrontendValidationMode: 'InsecureFrontendValidationMode',
} as const;

export const GatewayReason = {
  /** Gateway ResolvedRefs=False: one or more listeners have ResolvedRefs=False. */
  ListenersNotResolved: 'ListenersNotResolved',
  /** InsecureFrontendValidationMode=True. */
  ConfigurationChanged: 'ConfigurationChanged',
  /** Listener Accepted=False: every CA certificate of its frontend validation is invalid. */
  NoValidCACertificate: 'NoValidCACertificate',
  /** ListenerSet Programmed=False: the parent Gateway is accepted but not programmed. */
  ParentNotProgrammed: 'ParentNotProgrammed',
} as const;
