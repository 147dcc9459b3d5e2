/**
 * The shape of a conformance scenario: one upstream conformance test (kubernetes-sigs/gateway-api
 * `conformance/tests/<source>`) reproduced against a standalone `switchyard serve`. Scenarios are
 * data; harness/run-group.ts is the one runner that executes them.
 *
 * Field names follow the upstream test helpers' vocabulary (request, expected request as the backend
 * saw it, response, redirect, backend, namespace) so a scenario reads side by side with its Go test.
 */

import type { GrpcEchoMethod } from './grpc-echo.ts';

/** `namespace/name`. */
export type NamespacedName = `${string}/${string}`;

/** Runner groups: every scenario of a group shares one `serve` process and one set of echo backends. */
export type ScenarioGroup = 'core' | 'extended' | 'protocols';

export interface Scenario {
  /** The upstream test's ShortName, e.g. `HTTPRouteMatching`. */
  readonly name: string;
  /** The upstream Go file under conformance/tests/, e.g. `httproute-matching.go`. */
  readonly source: string;
  /** The upstream test's `Features` (pkg/features names). */
  readonly features: readonly string[];
  /** Upstream manifests, relative to conformance/, applied after base/manifests.yaml. */
  readonly manifests: readonly string[];
  readonly group: ScenarioGroup;
  /**
   * Not run yet, and why. A feature is claimed only when none of its scenarios is skipped
   * (src/conformance/features.ts). `feature` names what has to land for it to run.
   */
  readonly skip?: { readonly feature: string; readonly reason: string };
  /** The Gateway requests go to, unless an exchange names another. Default: infra/same-namespace. */
  readonly gateway?: NamespacedName;
  /** Routes that must be Accepted with ResolvedRefs on `gateway` (and the Gateway Programmed). */
  readonly acceptedRoutes?: readonly NamespacedName[];
  /** The kind of `acceptedRoutes` (default HTTPRoute). */
  readonly routeKind?: RouteKind;
  /** false: `acceptedRoutes` need not have ResolvedRefs True (the test checks a ResolvedRefs failure itself). */
  readonly routesResolveRefs?: boolean;
  /** Status conditions to assert, read from the admin API. */
  readonly status?: readonly StatusCheck[];
  /** Requests and what must come back. */
  readonly exchanges?: readonly Exchange[];
  /** Listener ports (`namespace/gateway:upstreamPort`) that only a step's edit adds: free ports are set aside for them. */
  readonly stepPorts?: readonly string[];
  /** Changes applied after the first round of checks, each followed by its own checks. */
  readonly then?: readonly Step[];
}

/** What a step's edit may need of the standalone world. */
export interface EditContext {
  /** The free port standing for a Gateway's upstream listener port (`namespace/name`, 80 → …). */
  port(gateway: NamespacedName, upstreamPort: number): number;
  /** The echo backend's port for a Deployment (`namespace/name`). */
  backendPort(deployment: NamespacedName): number;
}

/** A change to the applied objects and the checks that follow it. */
export interface Step {
  /**
   * Edits the scenario's objects (already rewritten for standalone) in place — the suite's patch or
   * delete. An object removed from the array is deleted.
   */
  readonly edit: (objects: Record<string, any>[], context: EditContext) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly status?: readonly StatusCheck[];
  readonly exchanges?: readonly Exchange[];
}

/** `True`, `False`, or with a reason: `False/RefNotPermitted`; `*` for any status (present). */
export type ConditionExpectation = string;

export type RouteKind = 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute' | 'TCPRoute' | 'UDPRoute';

export interface StatusCheck {
  readonly kind: 'GatewayClass' | 'Gateway' | 'ListenerSet' | 'ReferenceGrant' | 'BackendTLSPolicy' | RouteKind;
  /** `namespace/name`, or the name alone for cluster-scoped kinds. */
  readonly name: string;
  /** Route parent entry to check (`namespace/name` of the Gateway or ListenerSet); default: the scenario's gateway. */
  readonly parent?: NamespacedName;
  /** Also: the parent's sectionName / port in the route's status, when the parentRef names one. */
  readonly sectionName?: string;
  /** Condition type → expectation, on the object (Gateway/GatewayClass/ListenerSet) or the route's parent entry. */
  readonly conditions?: Readonly<Record<string, ConditionExpectation>>;
  /**
   * Per listener of a Gateway/ListenerSet: conditions, attachedRoutes and supportedKinds (kinds of
   * group gateway.networking.k8s.io that must be listed; `[]`: the list must be empty).
   */
  readonly listeners?: Readonly<Record<string, ListenerCheck>>;
  /** The suite's GatewayStatusMustHaveListeners: `listeners` names every listener in the status, no more. */
  readonly exactListeners?: boolean;
  /** Conditions every listener in the status must have (the suite's ResourceListenersMustHaveConditions). */
  readonly everyListener?: Readonly<Record<string, ConditionExpectation>>;
  /** Gateway: no listener in the status, or exactly one with 0 attachedRoutes (GatewayMustHaveZeroRoutes). */
  readonly zeroRoutes?: boolean;
  /** Gateway: `status.attachedListenerSets`. */
  readonly attachedListenerSets?: number;
  /** Gateway: exactly these `status.addresses` values. */
  readonly addresses?: readonly string[];
  /** For routes: the route has no parent entry for `parent` at all (not ours to report). */
  readonly noParentStatus?: boolean;
  /** For routes: no parent entries, or exactly one whose Accepted is False (HTTPRouteMustHaveNoAcceptedParents). */
  readonly noAcceptedParents?: boolean;
  /** For routes: the number of parent entries in the status (HTTPRouteMustHaveParents compares the whole list). */
  readonly parentCount?: number;
  /** For routes: the kind of the parent entry (default: Gateway or ListenerSet). */
  readonly parentKind?: 'Gateway' | 'ListenerSet';
  /** `status.observedGeneration` (objects) or the parent's conditions' observedGeneration must equal metadata.generation. */
  readonly observedGenerationCurrent?: boolean;
  /** In a step: metadata.generation differs from the one before the step's edit. */
  readonly generationBumped?: boolean;
}

export interface ListenerCheck {
  readonly conditions?: Readonly<Record<string, ConditionExpectation>>;
  readonly attachedRoutes?: number;
  readonly supportedKinds?: readonly string[];
}

export interface Exchange {
  readonly request: {
    readonly host?: string;
    readonly method?: string;
    readonly path: string;
    readonly headers?: Readonly<Record<string, string>>;
    /** The suite's Request.Protocol: `h2c` is HTTP/2 cleartext with prior knowledge (H2CPriorKnowledgeProtocol); default HTTP/1.1. */
    readonly protocol?: 'h2c';
  };
  /** The gateway to send to (default: the scenario's) and the upstream listener port (default 80). */
  readonly gateway?: NamespacedName;
  readonly port?: number;
  /** The request as the backend must see it; default: the request itself (path, method; host when set). */
  readonly expectedRequest?: {
    readonly host?: string;
    readonly method?: string;
    readonly path?: string;
    readonly headers?: Readonly<Record<string, string>>;
    readonly absentHeaders?: readonly string[];
    /** A TLS echo: the SNI the gateway sent it, and the client certificate (Secret name) it presented. */
    readonly sni?: string;
    readonly clientCertificate?: string;
  };
  readonly response?: {
    /** Default 200; any of a list. */
    readonly status?: number | readonly number[];
    readonly headers?: Readonly<Record<string, string>>;
    readonly absentHeaders?: readonly string[];
    /** The suite's ValidHeaderValues (with IgnoreWhitespace): the header must equal one of these. */
    readonly validHeaderValues?: Readonly<Record<string, readonly string[]>>;
  };
  /**
   * A gRPC call to the echo (the suite's grpc.ExpectedResponse): `code` expected (default 0, OK); on
   * OK the method the echo saw, `backend` and `namespace`, and the metadata in `expectedRequest`.
   */
  readonly grpc?: { readonly method: GrpcEchoMethod; readonly authority?: string; readonly metadata?: Readonly<Record<string, string>>; readonly code?: number };
  /**
   * A TCP connection in the echo's line protocol (the suite's tcp.MakeTCPRequest…): over TLS with
   * SNI `tls.serverName`, verified against the tls-checks CA; the echo must report `backendIsTLS` and
   * the SNI it saw (`backendServerName`). `refused`: no echo must answer (MakeTLSConnection…Rejection).
   */
  readonly stream?: { readonly tls?: { readonly serverName: string }; readonly backendIsTLS?: boolean; readonly backendServerName?: string; readonly refused?: boolean };
  /** A UDP datagram (the suite's udp helpers): the echo's JSON answer, from `backend`; `dns`: a DNS query that must be answered. */
  readonly datagram?: { readonly dns?: string };
  /** A WebSocket to `request.path` whose text and binary messages come back unchanged (the suite's WebSocket dialer); nothing else is compared. */
  readonly websocket?: boolean;
  /** The gateway answers itself (a CORS preflight): a 200 is not the echo's JSON, so the request as seen is not compared. */
  readonly gatewayAnswers?: boolean;
  /** The suite's MirroredTo: echo Deployments (`namespace/name`) that must receive a copy; with `percent`, that share of 500 requests. */
  readonly mirroredTo?: readonly { readonly backend: NamespacedName; readonly percent?: number }[];
  /** The suite's retry simulation query (`succeedAfter`, `responseCode`, `delayRetry`); a fresh `uuid` is added to every request. */
  readonly retrySimulation?: Readonly<Record<string, string>>;
  /** For 3xx: the parts of Location to compare (unset parts are not compared, as upstream). */
  readonly redirect?: { readonly scheme?: string; readonly host?: string; readonly port?: string; readonly path?: string };
  /** Response headers the echo backend sets (the suite's BackendSetResponseHeaders, sent as X-Echo-Set-Header). */
  readonly backendSetResponseHeaders?: Readonly<Record<string, string>>;
  /** Pod name prefix of the backend that must answer (a 200 only). */
  readonly backend?: string;
  /** Sent this many times once it matched, every reply checked (default 1). */
  readonly times?: number;
  /** The backend that answers must be the one this request header (as the backend saw it) names, by pod prefix. */
  readonly backendNamedByHeader?: string;
  /**
   * Weighted distribution (the suite's TestWeightedDistribution): 500 requests, 10 at a time, each
   * backend's share within ±5% of its weight (pod-name prefix → weight); a zero weight must get none.
   */
  readonly weights?: Readonly<Record<string, number>>;
  /** Its namespace; default gateway-conformance-infra. */
  readonly namespace?: string;
  /** Sent over TLS (the suite's MakeTLSRequest…): SNI, and the client certificate Secret (harness/programmatic.ts) to present. */
  readonly tls?: {
    readonly serverName: string;
    readonly clientCertificate?: string;
    /** The suite's …ExpectFailureResponse: the request must not get any HTTP response (handshake refused). */
    readonly fails?: boolean;
  };
}
