/**
 * The routing model (IR): what the translator produces and the data plane serves.
 *
 * Plain, immutable, JSON-serialisable data: it may cross a thread or a process boundary. It knows
 * nothing of Kubernetes object shapes; `source` fields point back to the objects a piece came from
 * so logs, metrics and errors can name them. Durations are integer milliseconds. Hostnames are
 * lower-case. Every `id` is stable across translations of the same input.
 */

/** The whole configuration for one data plane. */
export interface Ir {
  /** Sockets to bind, sorted by id. Listeners of any Gateways that share an address:port share one socket. */
  readonly sockets: readonly IrSocket[];
  /** Upstream clusters by id; routes refer to them by `clusterId`. */
  readonly clusters: Readonly<Record<string, IrCluster>>;
}

/**
 * One bound address:port. `protocol` is what is spoken on the wire before any routing:
 * `HTTP` cleartext HTTP/1.1 and h2c; `TLS` a TLS socket that terminates HTTPS listeners and/or
 * passes through or terminates TLS listeners, chosen by SNI; `TCP` and `UDP` raw streams/datagrams.
 */
export interface IrSocket {
  /** `<protocol>/<address>:<port>`, e.g. `HTTP/127.0.0.1:80`. */
  readonly id: string;
  readonly protocol: 'HTTP' | 'TLS' | 'TCP' | 'UDP';
  readonly address: string;
  readonly port: number;
  /**
   * The Gateway listeners served here, most specific hostname first (exact, then longer wildcard,
   * then none), ties by id. A request or connection is given to the first listener whose hostname
   * matches its Host/SNI, and sees only that listener's routes (listener isolation).
   */
  readonly listeners: readonly IrListener[];
  /**
   * Edge limits from the Gateways' SwitchyardProxy parameters (`spec.limits`): the strictest of its
   * listeners' `limits`, absent when none has any; the data plane's defaults then apply (docs/security.md).
   */
  readonly limits?: IrSocketLimits;
}

/**
 * Per-socket edge limits. Every field null means "the data plane's default". When Gateways with
 * different parameters share a socket, the translator keeps the strictest value of each field.
 */
export interface IrSocketLimits {
  /** Whole client request (head and body) must arrive within this (408 after). */
  readonly requestMs: number | null;
  /** No byte either way on a request/response for this long ends it. */
  readonly streamIdleMs: number | null;
  /** A backend TCP connect that takes longer fails (502 / gRPC UNAVAILABLE). */
  readonly connectMs: number | null;
  /** Response-head deadline for routes that set no `timeouts.request` (504 after). */
  readonly routeTimeoutMs: number | null;
  /** An idle keep-alive client connection is closed after this. */
  readonly downstreamIdleMs: number | null;
  /** Connections one worker holds at once; more are closed on accept and counted. */
  readonly maxConnections: number | null;
  /** Proxies in front whose X-Forwarded-For entries are trusted when naming the client (0: only the peer). */
  readonly xffNumTrustedHops: number | null;
}

/** One ready Gateway (or ListenerSet) listener. Listeners that are not Programmed never reach the IR. */
export interface IrListener {
  /** `gateway/<ns>/<gateway>/listener/<name>` or `listenerset/<ns>/<set>/listener/<name>`. */
  readonly id: string;
  readonly gateway: IrObjectRef;
  readonly name: string;
  readonly protocol: 'HTTP' | 'HTTPS' | 'TLS' | 'TCP' | 'UDP';
  /** The listener's hostname (exact or `*.` wildcard), or null for any. */
  readonly hostname: string | null;
  /** TLS settings for HTTPS and TLS listeners; null otherwise. */
  readonly tls: IrListenerTls | null;
  /** HTTP and HTTPS listeners: virtual hosts, most specific hostname first. */
  readonly virtualHosts: readonly IrVirtualHost[];
  /** TLS listeners: routes by SNI, in precedence order. */
  readonly tlsRoutes: readonly IrTlsRoute[];
  /** TCP and UDP listeners: attached routes in precedence order; the data plane serves the first. */
  readonly l4Routes: readonly IrL4Route[];
  /**
   * The limits of this listener's Gateway (SwitchyardProxy `spec.limits`), absent when it sets none.
   * The data plane reads the socket's (IrSocket.limits); these let a share of the IR for one Gateway
   * (Kubernetes mode, one proxy per Gateway) recompute its sockets' limits without its neighbours'.
   */
  readonly limits?: IrSocketLimits;
}

export interface IrObjectRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export interface IrListenerTls {
  /** Terminate: the gateway holds the certificate. Passthrough: bytes go to the backend untouched. */
  readonly mode: 'Terminate' | 'Passthrough';
  /** PEM certificate chains and keys to present (Terminate); SNI chooses among them by their SANs. */
  readonly certificates: readonly IrCertificate[];
  /** Client-certificate validation (Gateway `tls.frontendValidation`), null when off. */
  readonly clientValidation: IrClientValidation | null;
  /** Gateway listener `tls.options`, passed through as given (implementation-specific keys). */
  readonly options: Readonly<Record<string, string>>;
}

export interface IrCertificate {
  /** `secret/<ns>/<name>`. */
  readonly id: string;
  readonly certChainPem: string;
  readonly privateKeyPem: string;
}

export interface IrClientValidation {
  readonly caCertificatesPem: readonly string[];
  readonly mode: 'AllowValidOnly' | 'AllowInsecureFallback';
}

/** A set of routes that share hostnames within one listener. */
export interface IrVirtualHost {
  /** `<listener id>/host/<hostname>`. */
  readonly id: string;
  /** An exact hostname, a `*.` wildcard, or `*` for any host. */
  readonly hostname: string;
  /** Routes in the Gateway API's precedence order: the first whose match fits serves the request. */
  readonly routes: readonly IrHttpRoute[];
}

/** Where a route came from: kind, object, rule (and its name) and match index. */
export interface IrRouteSource {
  readonly kind: 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute' | 'TCPRoute' | 'UDPRoute';
  readonly namespace: string;
  readonly name: string;
  readonly ruleIndex: number;
  readonly ruleName: string | null;
  /** Index of the match within the rule; 0 for rules without matches. */
  readonly matchIndex: number;
}

/** One HTTPRoute/GRPCRoute rule match, flattened: one IR route per match. */
export interface IrHttpRoute {
  /** `httproute/<ns>/<name>/rule/<i>/match/<j>` (grpcroute/... for GRPCRoutes). */
  readonly id: string;
  readonly source: IrRouteSource;
  readonly match: IrHttpMatch;
  /** Rule-level filters, applied in the listed order. */
  readonly filters: readonly IrHttpFilter[];
  /**
   * Weighted backends. Requests that pick an entry with `clusterId: null` (a backendRef that could
   * not be resolved) get HTTP 500. An empty list with no response-producing filter also gets 500.
   */
  readonly backends: readonly IrWeightedBackend[];
  readonly timeouts: IrTimeouts;
  readonly retry: IrRetry | null;
  readonly sessionPersistence: IrSessionPersistence | null;
  /** True for GRPCRoute rules: errors the gateway produces are sent as gRPC statuses. */
  readonly grpc: boolean;
}

export interface IrHttpMatch {
  readonly path: IrPathMatch;
  readonly headers: readonly IrNamedMatch[];
  readonly queryParams: readonly IrNamedMatch[];
  /** Upper-case method, or null for any. */
  readonly method: string | null;
}

export interface IrPathMatch {
  readonly type: 'Exact' | 'PathPrefix' | 'RegularExpression';
  readonly value: string;
}

/** A header (name lower-case) or query parameter (name exact) match. */
export interface IrNamedMatch {
  readonly name: string;
  readonly type: 'Exact' | 'RegularExpression';
  readonly value: string;
}

export interface IrTimeouts {
  /** Whole request, including retries, or null for the gateway's default. */
  readonly requestMs: number | null;
  /** One attempt to the backend, or null for none beyond `requestMs`. */
  readonly backendRequestMs: number | null;
}

export interface IrRetry {
  /** Response codes that are retried; connection failures and backend timeouts always are. */
  readonly codes: readonly number[];
  readonly attempts: number;
  readonly backoffMs: number | null;
}

export interface IrSessionPersistence {
  readonly type: 'Cookie' | 'Header';
  readonly name: string;
  readonly absoluteTimeoutMs: number | null;
  readonly idleTimeoutMs: number | null;
  /** Cookie lifetime: Permanent sets Max-Age/Expires, Session does not. */
  readonly lifetime: 'Permanent' | 'Session';
}

export interface IrWeightedBackend {
  readonly weight: number;
  /** Id of an entry in `Ir.clusters`, or null when the backendRef could not be resolved (answer 500). */
  readonly clusterId: string | null;
  /** backendRef-level filters, applied after the rule's filters when this backend is chosen. */
  readonly filters: readonly IrHttpFilter[];
}

export interface IrHeader {
  /** Header name as written by the user (matching is case-insensitive). */
  readonly name: string;
  readonly value: string;
}

export type IrHttpFilter =
  | IrHeaderModifierFilter
  | IrRequestRedirectFilter
  | IrUrlRewriteFilter
  | IrRequestMirrorFilter
  | IrCorsFilter;

export interface IrHeaderModifierFilter {
  readonly type: 'RequestHeaderModifier' | 'ResponseHeaderModifier';
  readonly set: readonly IrHeader[];
  readonly add: readonly IrHeader[];
  /** Lower-case names. */
  readonly remove: readonly string[];
}

/** Path change for redirects and rewrites. For ReplacePrefixMatch, `matchedPrefix` is the route's PathPrefix value. */
export type IrPathModifier =
  | { readonly type: 'ReplaceFullPath'; readonly value: string }
  | { readonly type: 'ReplacePrefixMatch'; readonly value: string; readonly matchedPrefix: string };

export interface IrRequestRedirectFilter {
  readonly type: 'RequestRedirect';
  readonly scheme: 'http' | 'https' | null;
  readonly hostname: string | null;
  readonly path: IrPathModifier | null;
  /** Explicit port, or null to follow the spec's rules (listener port, dropped when default for the scheme). */
  readonly port: number | null;
  readonly statusCode: 301 | 302 | 303 | 307 | 308;
}

export interface IrUrlRewriteFilter {
  readonly type: 'URLRewrite';
  readonly hostname: string | null;
  readonly path: IrPathModifier | null;
}

export interface IrRequestMirrorFilter {
  readonly type: 'RequestMirror';
  /** null when the mirror's backendRef could not be resolved: nothing is mirrored. */
  readonly clusterId: string | null;
  /** Share of requests mirrored, 0 to 100 (fractions are converted). */
  readonly percent: number;
}

export interface IrCorsFilter {
  readonly type: 'CORS';
  /** Origins as given: `*`, exact `scheme://host[:port]`, or with a `*` wildcard host label. */
  readonly allowOrigins: readonly string[];
  readonly allowCredentials: boolean;
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAgeSeconds: number;
}

/** TLSRoute rule on a TLS listener: chosen by SNI. */
export interface IrTlsRoute {
  /** `tlsroute/<ns>/<name>/rule/<i>`. */
  readonly id: string;
  readonly source: IrRouteSource;
  /** SNI patterns (exact or `*.` wildcard) after intersection with the listener; `*` for any. */
  readonly hostnames: readonly string[];
  readonly backends: readonly IrWeightedBackend[];
}

/** TCPRoute or UDPRoute rule. */
export interface IrL4Route {
  /** `tcproute/<ns>/<name>/rule/<i>` or `udproute/...`. */
  readonly id: string;
  readonly source: IrRouteSource;
  readonly backends: readonly IrWeightedBackend[];
}

/** An upstream: one Service port (or other backend) and its ready endpoints. */
export interface IrCluster {
  /**
   * `service/<ns>/<name>/port/<port>` for a TCP Service port; `…/port/<port>/udp` for a UDP one (a
   * Service may expose one port number over both, as DNS does). A cluster with TLS used by a Gateway
   * that presents a backend client certificate is a variant of its Service port's cluster,
   * `…/port/<port>/client/secret/<ns>/<name>` (the certificate's id), identical but for
   * `tls.clientCertificate`: the certificate belongs to the connection, so Gateways with different
   * certificates cannot share one pool, while Gateways with the same certificate share the variant.
   */
  readonly id: string;
  /**
   * How to talk to the endpoints: `HTTP` HTTP/1.1, `H2C` HTTP/2 cleartext (appProtocol
   * kubernetes.io/h2c), `WS`/`WSS` WebSocket (kubernetes.io/ws, wss), `TCP`/`UDP` raw (L4 routes).
   */
  readonly protocol: 'HTTP' | 'H2C' | 'WS' | 'WSS' | 'TCP' | 'UDP';
  /** Ready endpoints, sorted by address then port. Empty means 503 for HTTP. */
  readonly endpoints: readonly IrEndpoint[];
  /** TLS origination (BackendTLSPolicy), null for cleartext. */
  readonly tls: IrUpstreamTls | null;
}

export interface IrEndpoint {
  readonly address: string;
  readonly port: number;
}

export interface IrUpstreamTls {
  /** SNI and the name the certificate must carry. */
  readonly hostname: string;
  /** PEM CA bundles; empty with `useSystemCa` true means the system's well-known CAs. */
  readonly caCertificatesPem: readonly string[];
  readonly useSystemCa: boolean;
  /** Subject alternative names to accept instead of `hostname`, when given. */
  readonly subjectAltNames: readonly IrSubjectAltName[];
  /**
   * Client certificate presented to the backend (Gateway `tls.backend.clientCertificateRef`), set
   * only on the cluster variants of Gateways that have one (see IrCluster.id); null otherwise.
   */
  readonly clientCertificate: IrCertificate | null;
}

export interface IrSubjectAltName {
  readonly type: 'Hostname' | 'URI';
  readonly value: string;
}
