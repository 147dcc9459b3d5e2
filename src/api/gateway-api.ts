/**
 * Gateway API kinds (v1.6 standard channel, plus the experimental fields Switchyard serves).
 * Shapes only, as a validated manifest holds them: optional fields stay optional, defaults are
 * applied by the translator, not here.
 */
import type { Condition, KubeObject, LabelSelector, ObjectMeta } from './meta.ts';

type Namespaced = ObjectMeta & { namespace: string };

// ---------------------------------------------------------------- shared

export interface ParentReference {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
  sectionName?: string;
  port?: number;
}

export interface BackendRef {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
  port?: number;
  weight?: number;
}

export interface SecretObjectReference {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
}

export interface LocalObjectReference {
  group: string;
  kind: string;
  name: string;
}

export interface RouteParentStatus {
  parentRef: ParentReference;
  controllerName: string;
  conditions: Condition[];
}

export interface RouteStatus {
  parents: RouteParentStatus[];
}

// ---------------------------------------------------------------- GatewayClass

export interface GatewayClass extends KubeObject {
  kind: 'GatewayClass';
  spec: {
    controllerName: string;
    parametersRef?: { group: string; kind: string; name: string; namespace?: string };
    description?: string;
  };
  status?: {
    conditions?: Condition[];
    supportedFeatures?: { name: string }[];
  };
}

// ---------------------------------------------------------------- Gateway

export type ProtocolType = 'HTTP' | 'HTTPS' | 'TLS' | 'TCP' | 'UDP' | (string & {});

export interface RouteGroupKind {
  group?: string;
  kind: string;
}

export interface AllowedRoutes {
  namespaces?: {
    from?: 'All' | 'Same' | 'Selector' | 'None';
    selector?: LabelSelector;
  };
  kinds?: RouteGroupKind[];
}

export interface GatewayTlsConfig {
  mode?: 'Terminate' | 'Passthrough';
  certificateRefs?: SecretObjectReference[];
  options?: Record<string, string>;
}

export interface Listener {
  name: string;
  hostname?: string;
  port: number;
  protocol: ProtocolType;
  tls?: GatewayTlsConfig;
  allowedRoutes?: AllowedRoutes;
}

export interface GatewaySpecAddress {
  type?: 'IPAddress' | 'Hostname' | (string & {});
  value?: string;
}

export interface FrontendTlsValidation {
  caCertificateRefs?: { group: string; kind: string; name: string; namespace?: string }[];
  mode?: 'AllowValidOnly' | 'AllowInsecureFallback';
}

export interface GatewaySpec {
  gatewayClassName: string;
  listeners: Listener[];
  addresses?: GatewaySpecAddress[];
  infrastructure?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    parametersRef?: LocalObjectReference;
  };
  allowedListeners?: {
    namespaces?: { from?: 'All' | 'Same' | 'Selector' | 'None'; selector?: LabelSelector };
  };
  tls?: {
    backend?: { clientCertificateRef?: SecretObjectReference };
    frontend?: {
      default?: { validation?: FrontendTlsValidation };
      perPort?: { port: number; tls: { validation?: FrontendTlsValidation } }[];
    };
  };
  defaultScope?: string;
}

export interface ListenerStatus {
  name: string;
  supportedKinds: RouteGroupKind[];
  attachedRoutes: number;
  conditions: Condition[];
}

export interface GatewayStatus {
  addresses?: { type: string; value: string }[];
  conditions?: Condition[];
  listeners?: ListenerStatus[];
  attachedListenerSets?: number;
}

export interface Gateway extends KubeObject {
  kind: 'Gateway';
  metadata: Namespaced;
  spec: GatewaySpec;
  status?: GatewayStatus;
}

export interface ListenerSet extends KubeObject {
  kind: 'ListenerSet';
  metadata: Namespaced;
  spec: {
    parentRef: { group?: string; kind?: string; namespace?: string; name: string };
    listeners: Listener[];
  };
  status?: { conditions?: Condition[]; listeners?: ListenerStatus[] };
}

// ---------------------------------------------------------------- HTTPRoute

export interface HttpPathMatch {
  type?: 'Exact' | 'PathPrefix' | 'RegularExpression';
  value?: string;
}

export interface HttpHeaderMatch {
  type?: 'Exact' | 'RegularExpression';
  name: string;
  value: string;
}

export interface HttpRouteMatch {
  path?: HttpPathMatch;
  headers?: HttpHeaderMatch[];
  queryParams?: HttpHeaderMatch[];
  method?: string;
}

export interface HttpHeader {
  name: string;
  value: string;
}

export interface HttpHeaderFilter {
  set?: HttpHeader[];
  add?: HttpHeader[];
  remove?: string[];
}

export interface HttpPathModifier {
  type: 'ReplaceFullPath' | 'ReplacePrefixMatch';
  replaceFullPath?: string;
  replacePrefixMatch?: string;
}

export interface HttpRouteFilter {
  type:
    | 'RequestHeaderModifier'
    | 'ResponseHeaderModifier'
    | 'RequestMirror'
    | 'RequestRedirect'
    | 'URLRewrite'
    | 'CORS'
    | 'ExternalAuth'
    | 'ExtensionRef'
    | (string & {});
  requestHeaderModifier?: HttpHeaderFilter;
  responseHeaderModifier?: HttpHeaderFilter;
  requestMirror?: {
    backendRef: BackendRef;
    percent?: number;
    fraction?: { numerator: number; denominator?: number };
  };
  requestRedirect?: {
    scheme?: 'http' | 'https';
    hostname?: string;
    path?: HttpPathModifier;
    port?: number;
    statusCode?: number;
  };
  urlRewrite?: { hostname?: string; path?: HttpPathModifier };
  cors?: {
    allowOrigins?: string[];
    allowCredentials?: boolean;
    allowMethods?: string[];
    allowHeaders?: string[];
    exposeHeaders?: string[];
    maxAge?: number;
  };
  extensionRef?: LocalObjectReference;
  [field: string]: unknown;
}

export interface HttpBackendRef extends BackendRef {
  filters?: HttpRouteFilter[];
}

export interface HttpRouteRule {
  name?: string;
  matches?: HttpRouteMatch[];
  filters?: HttpRouteFilter[];
  backendRefs?: HttpBackendRef[];
  timeouts?: { request?: string; backendRequest?: string };
  retry?: { codes?: number[]; attempts?: number; backoff?: string };
  sessionPersistence?: SessionPersistence;
}

export interface SessionPersistence {
  sessionName?: string;
  absoluteTimeout?: string;
  idleTimeout?: string;
  type?: 'Cookie' | 'Header';
  cookie?: { lifetimeType?: 'Permanent' | 'Session' };
  /** Older experimental name of `cookie`. */
  cookieConfig?: { lifetimeType?: 'Permanent' | 'Session' };
  header?: unknown;
}

export interface HttpRoute extends KubeObject {
  kind: 'HTTPRoute';
  metadata: Namespaced;
  spec: {
    parentRefs?: ParentReference[];
    hostnames?: string[];
    rules?: HttpRouteRule[];
  };
  status?: RouteStatus;
}

// ---------------------------------------------------------------- GRPCRoute

export interface GrpcMethodMatch {
  type?: 'Exact' | 'RegularExpression';
  service?: string;
  method?: string;
}

export interface GrpcRouteMatch {
  method?: GrpcMethodMatch;
  headers?: HttpHeaderMatch[];
}

export interface GrpcRouteFilter {
  type: 'RequestHeaderModifier' | 'ResponseHeaderModifier' | 'RequestMirror' | 'ExtensionRef' | (string & {});
  requestHeaderModifier?: HttpHeaderFilter;
  responseHeaderModifier?: HttpHeaderFilter;
  requestMirror?: HttpRouteFilter['requestMirror'];
  extensionRef?: LocalObjectReference;
}

export interface GrpcRouteRule {
  name?: string;
  matches?: GrpcRouteMatch[];
  filters?: GrpcRouteFilter[];
  backendRefs?: (BackendRef & { filters?: GrpcRouteFilter[] })[];
  sessionPersistence?: SessionPersistence;
}

export interface GrpcRoute extends KubeObject {
  kind: 'GRPCRoute';
  metadata: Namespaced;
  spec: { parentRefs?: ParentReference[]; hostnames?: string[]; rules?: GrpcRouteRule[] };
  status?: RouteStatus;
}

// ---------------------------------------------------------------- TLS, TCP, UDP routes

export interface TlsRoute extends KubeObject {
  kind: 'TLSRoute';
  metadata: Namespaced;
  spec: { parentRefs?: ParentReference[]; hostnames?: string[]; rules?: { name?: string; backendRefs?: BackendRef[] }[] };
  status?: RouteStatus;
}

export interface TcpRoute extends KubeObject {
  kind: 'TCPRoute';
  metadata: Namespaced;
  spec: { parentRefs?: ParentReference[]; rules?: { name?: string; backendRefs?: BackendRef[] }[] };
  status?: RouteStatus;
}

export interface UdpRoute extends KubeObject {
  kind: 'UDPRoute';
  metadata: Namespaced;
  spec: { parentRefs?: ParentReference[]; rules?: { name?: string; backendRefs?: BackendRef[] }[] };
  status?: RouteStatus;
}

export type Route = HttpRoute | GrpcRoute | TlsRoute | TcpRoute | UdpRoute;

// ---------------------------------------------------------------- ReferenceGrant, BackendTLSPolicy

export interface ReferenceGrant extends KubeObject {
  kind: 'ReferenceGrant';
  metadata: Namespaced;
  spec: {
    from: { group: string; kind: string; namespace: string }[];
    to: { group: string; kind: string; name?: string }[];
  };
}

export interface BackendTlsPolicy extends KubeObject {
  kind: 'BackendTLSPolicy';
  metadata: Namespaced;
  spec: {
    targetRefs: { group: string; kind: string; name: string; sectionName?: string }[];
    validation: {
      caCertificateRefs?: LocalObjectReference[];
      wellKnownCACertificates?: 'System';
      hostname: string;
      subjectAltNames?: { type: 'Hostname' | 'URI'; hostname?: string; uri?: string }[];
    };
    options?: Record<string, string>;
  };
  status?: { ancestors: { ancestorRef: ParentReference; controllerName: string; conditions: Condition[] }[] };
}
