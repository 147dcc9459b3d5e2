/**
 * Listener validation, one listener at a time: protocol, port, hostname, TLS settings and
 * certificates, allowedRoutes (namespaces and kinds), frontend client validation. The result is a
 * ListenerDraft that collects every problem as the condition it will become; conflicts between
 * listeners are found afterwards (listener-conflicts.ts).
 *
 * Manifests in standalone mode never pass the CRD's validation, so what the CRD would reject
 * (TLS on an HTTP listener, a malformed hostname) is caught here too: Accepted=False/UnsupportedValue.
 */
import { GATEWAY_GROUP, type Gateway, type Listener, type ListenerSet, type RouteGroupKind } from '../api/index.ts';
import type { IrCertificate, IrListenerTls } from '../ir/index.ts';
import { isRefProblem, resolveCertificateRef, type RefHolder } from './certificates.ts';
import { GatewayReason, Reason } from './conditions.ts';
import type { TranslationContext } from './context.ts';
import { frontendValidationFor } from './frontend-tls.ts';
import { compileNamespacePolicy } from './namespaces.ts';

/** What is spoken on the socket; listeners of different families cannot share a port. */
export type ProtocolFamily = 'HTTP' | 'TLS' | 'TCP' | 'UDP';

const FAMILY: Readonly<Record<string, ProtocolFamily>> = { HTTP: 'HTTP', HTTPS: 'TLS', TLS: 'TLS', TCP: 'TCP', UDP: 'UDP' };

/** Route kinds each protocol serves; also the default supportedKinds when allowedRoutes.kinds is empty. */
const ROUTE_KINDS: Readonly<Record<string, readonly string[]>> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute'],
  TCP: ['TCPRoute'],
  UDP: ['UDPRoute'],
};

export interface ListenerProblem {
  readonly reason: string;
  readonly message: string;
  /** The listener can still be served despite it (ResolvedRefs=False but Programmed). */
  readonly servable?: boolean;
}

/** A listener being validated; turned into a ListenerContext once the Gateway is settled. */
export interface ListenerDraft {
  /** `gateway/<ns>/<gw>/listener/<name>` or `listenerset/<ns>/<set>/listener/<name>`. */
  readonly id: string;
  /** The object that defines the listener: ReferenceGrants are checked from it. */
  readonly holder: RefHolder & { readonly name: string };
  readonly listenerSet: ListenerSet | null;
  readonly spec: Listener;
  readonly name: string;
  readonly port: number;
  readonly protocol: string;
  /** Lower-cased; null for any host and for TCP/UDP, which have no hostnames. */
  readonly hostname: string | null;
  /** Null for unsupported protocols. */
  readonly family: ProtocolFamily | null;
  readonly supportedKinds: readonly RouteGroupKind[];
  readonly allowsNamespace: (namespace: string) => boolean;
  readonly tls: IrListenerTls | null;
  /** Accepted=False (the first problem found); `programmedReason` is the Programmed=False reason that goes with it. */
  notAccepted: (ListenerProblem & { readonly programmedReason: string }) | null;
  /** ResolvedRefs=False problems, in the order found. */
  readonly unresolved: ListenerProblem[];
  /** Conflicted=True. */
  conflict: ListenerProblem | null;
  /** OverlappingTLSConfig=True message. */
  overlappingTls: string | null;
}

const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function validateListener(
  ctx: TranslationContext,
  gateway: Gateway,
  holder: RefHolder & { readonly name: string },
  listenerSet: ListenerSet | null,
  spec: Listener,
): ListenerDraft {
  const idPrefix = holder.kind === 'Gateway' ? 'gateway' : 'listenerset';
  const protocol = String(spec.protocol);
  const family = FAMILY[protocol] ?? null;
  const problems: ListenerProblem[] = [];
  const unresolved: ListenerProblem[] = [];
  const unsupported = (message: string) => problems.push({ reason: Reason.UnsupportedValue, message });

  if (family === null) problems.push({ reason: Reason.UnsupportedProtocol, message: `protocol "${protocol}" is not supported; use HTTP, HTTPS, TLS, TCP or UDP` });
  if (!Number.isInteger(spec.port) || spec.port < 1 || spec.port > 65535) unsupported(`port ${String(spec.port)} is not between 1 and 65535`);

  // Hostnames apply to HTTP, HTTPS and TLS only; the spec says the field is ignored elsewhere.
  let hostname: string | null = null;
  if (spec.hostname && (family === 'HTTP' || family === 'TLS')) {
    hostname = spec.hostname.toLowerCase();
    if (!HOSTNAME.test(hostname) || hostname.length > 253 || /^[\d.]+$/.test(hostname)) {
      unsupported(`hostname "${spec.hostname}" is not a valid DNS name or "*." wildcard`);
    }
  }

  const allowed = compileNamespacePolicy(spec.allowedRoutes?.namespaces, 'Same', holder.namespace, ctx.namespaceLabels);
  if (typeof allowed !== 'function') unsupported(`allowedRoutes: ${allowed.error}`);
  const supportedKinds = family === null ? [] : routeKinds(protocol, spec, unresolved);

  let tls: IrListenerTls | null = null;
  if (family !== null) {
    const mode = spec.tls?.mode ?? 'Terminate';
    if (spec.tls && (protocol === 'HTTP' || protocol === 'TCP' || protocol === 'UDP')) unsupported(`tls must not be set for protocol ${protocol}`);
    else if (protocol === 'HTTPS' && mode !== 'Terminate') unsupported('tls.mode must be Terminate for protocol HTTPS; use a TLS listener for Passthrough');
    else if (protocol === 'TLS' && !spec.tls) unsupported('tls (with mode) is required for protocol TLS');
    else if (protocol === 'HTTPS' || protocol === 'TLS') {
      const certificates = mode === 'Terminate' ? listenerCertificates(ctx, holder, spec, unresolved) : [];
      // What the data plane could not load (options.listenerProblems): reported, the listener stays in the IR.
      const served = ctx.options.listenerProblems?.get(`${idPrefix}/${holder.namespace}/${holder.name}/listener/${spec.name}`) ?? [];
      for (const message of served) unresolved.push({ reason: Reason.InvalidCertificateRef, message, servable: true });
      let clientValidation = null;
      if (protocol === 'HTTPS') {
        const frontend = frontendValidationFor(ctx, gateway, spec.port);
        unresolved.push(...frontend.problems);
        if (frontend.noValidCa) problems.push({ reason: GatewayReason.NoValidCACertificate, message: 'no CA certificate of the frontend validation can be used' });
        clientValidation = frontend.clientValidation;
      }
      tls = { mode, certificates, clientValidation, options: { ...spec.tls?.options } };
    }
  }

  const first = problems[0];
  return {
    id: `${idPrefix}/${holder.namespace}/${holder.name}/listener/${spec.name}`,
    holder,
    listenerSet,
    spec,
    name: spec.name,
    port: spec.port,
    protocol,
    hostname,
    family,
    supportedKinds,
    allowsNamespace: typeof allowed === 'function' ? allowed : () => false,
    tls,
    notAccepted: first ? { ...first, programmedReason: Reason.Invalid } : null,
    unresolved,
    conflict: null,
    overlappingTls: null,
  };
}

/**
 * Unresolved references the listener cannot be served without: its certificates. Invalid route
 * kinds do not stop it (the spec keeps the valid kinds in supportedKinds, so it serves those), nor
 * do some unusable CA certificates while others remain (validation with fewer CAs fails closed).
 */
export function unservableRefs(d: ListenerDraft): ListenerProblem[] {
  return d.unresolved.filter((p) => !p.servable);
}

/** supportedKinds: the protocol's kinds, or those listed that the protocol can serve (InvalidRouteKinds for the rest). */
function routeKinds(protocol: string, spec: Listener, unresolved: ListenerProblem[]): RouteGroupKind[] {
  const valid = ROUTE_KINDS[protocol] ?? [];
  const listed = spec.allowedRoutes?.kinds ?? [];
  if (listed.length === 0) return valid.map((kind) => ({ group: GATEWAY_GROUP, kind }));
  const kinds: RouteGroupKind[] = [];
  const rejected: string[] = [];
  for (const { group = GATEWAY_GROUP, kind } of listed) {
    if (group === GATEWAY_GROUP && valid.includes(kind)) {
      if (!kinds.some((k) => k.kind === kind)) kinds.push({ group, kind });
    } else {
      rejected.push(group === GATEWAY_GROUP ? kind : `${kind}.${group}`);
    }
  }
  if (rejected.length > 0) {
    unresolved.push({ reason: Reason.InvalidRouteKinds, message: `route kinds ${rejected.join(', ')} are not supported on a ${protocol} listener`, servable: true });
  }
  return kinds;
}

/** Terminate mode: every certificateRef must resolve; the usable ones are served. */
function listenerCertificates(ctx: TranslationContext, holder: RefHolder, spec: Listener, unresolved: ListenerProblem[]): IrCertificate[] {
  const refs = spec.tls?.certificateRefs ?? [];
  if (refs.length === 0) {
    unresolved.push({ reason: Reason.InvalidCertificateRef, message: 'tls mode Terminate needs at least one certificateRef' });
    return [];
  }
  const certificates: IrCertificate[] = [];
  for (const ref of refs) {
    const resolved = resolveCertificateRef(ctx, holder, ref);
    if (!isRefProblem(resolved)) certificates.push(resolved);
    else unresolved.push({ reason: resolved.kind === 'RefNotPermitted' ? Reason.RefNotPermitted : Reason.InvalidCertificateRef, message: resolved.message });
  }
  return certificates;
}
