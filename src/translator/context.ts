/**
 * The seams between translation phases. Phases run in spec order (translate.ts):
 *   1. gateway classes  → which classes are ours and accepted
 *   2. gateways         → GatewayContext per owned Gateway, listeners validated (ListenerContext)
 *   3. routes           → attach to listeners, resolve backends, per-listener routing tables + clusters
 *   4. policies         → BackendTLSPolicy
 *   5. gateway status   → listener conditions, attachedRoutes; IR sockets from ready listeners
 */
import type {
  Gateway, GatewayClass, Listener, ListenerSet, RouteGroupKind,
} from '../api/index.ts';
import type {
  IrCertificate, IrCluster, IrL4Route, IrListenerTls, IrTlsRoute, IrVirtualHost,
} from '../ir/index.ts';
import type { Snapshot } from '../store/index.ts';
import type { PendingCondition } from './conditions.ts';
import type { ReferenceGrants } from './reference-grants.ts';
import type { TranslateOptions } from './types.ts';

export interface TranslationContext {
  readonly snapshot: Snapshot;
  readonly options: TranslateOptions;
  readonly grants: ReferenceGrants;
  /**
   * Labels of every namespace; a namespace without a Namespace object has only the
   * `kubernetes.io/metadata.name` label, as every namespace in a cluster does.
   */
  readonly namespaceLabels: (namespace: string) => Readonly<Record<string, string>>;
}

/** A Gateway whose class is ours. */
export interface GatewayContext {
  readonly gateway: Gateway;
  readonly gatewayClass: GatewayClass;
  /** `gateway/<ns>/<name>`. */
  readonly id: string;
  /** Gateway Accepted=True: routes may attach to its listeners. */
  readonly accepted: boolean;
  /** IP addresses its listeners bind on. */
  readonly addresses: readonly string[];
  /**
   * `spec.tls.backend.clientCertificateRef`, resolved: presented on TLS connections to backends.
   * Null when unset or unresolvable (the Gateway's ResolvedRefs reports why; connections go without).
   */
  readonly backendClientCertificate: IrCertificate | null;
  /** The Gateway's own listeners, then those of attached ListenerSets. */
  readonly listeners: readonly ListenerContext[];
}

/** One listener of an owned Gateway (or of a ListenerSet attached to it), after validation. */
export interface ListenerContext {
  /** `gateway/<ns>/<gw>/listener/<name>` or `listenerset/<ns>/<set>/listener/<name>`. */
  readonly id: string;
  readonly gateway: GatewayContext;
  /** Set when the listener comes from a ListenerSet. */
  readonly listenerSet: ListenerSet | null;
  readonly spec: Listener;
  readonly name: string;
  readonly port: number;
  readonly protocol: string;
  /** Lower-cased hostname, or null for any. */
  readonly hostname: string | null;
  /** Route kinds this listener accepts (status.supportedKinds). */
  readonly supportedKinds: readonly RouteGroupKind[];
  /** Routes may attach: the listener is Accepted (even when not Programmed, e.g. bad certificate). */
  readonly attachable: boolean;
  /** The listener is Programmed: it reaches the IR. */
  readonly ready: boolean;
  /** TLS material for HTTPS/TLS listeners (null when none or invalid). */
  readonly tls: IrListenerTls | null;
  /** Whether a route in this namespace is allowed by `allowedRoutes.namespaces`. */
  allowsNamespace(namespace: string): boolean;
  /** Incremented by the route phase for each route attached (status.listeners[].attachedRoutes). */
  attachedRoutes: number;
  /** Extra listener conditions raised by later phases (rare), merged by the gateway status phase. */
  readonly extraConditions: PendingCondition[];
}

/** What the route phase produces for one listener. */
export interface ListenerRoutes {
  readonly virtualHosts: IrVirtualHost[];
  readonly tlsRoutes: IrTlsRoute[];
  readonly l4Routes: IrL4Route[];
}

/** Output of the route phase. */
export interface RouteTranslation {
  /** By listener id. Listeners with nothing attached may be absent. */
  readonly listenerRoutes: ReadonlyMap<string, ListenerRoutes>;
  /** Every cluster a route refers to, by id. */
  readonly clusters: ReadonlyMap<string, IrCluster>;
}
