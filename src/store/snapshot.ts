/**
 * The resource snapshot: every object the translator reads, by kind, frozen at one instant.
 * Sources (files, Kubernetes informers) fill the store; the store hands out snapshots.
 */
import type {
  BackendTlsPolicy, ConfigMap, EndpointSlice, Gateway, GatewayClass, GrpcRoute, HttpRoute, KubeObject,
  ListenerSet, Namespace, ReferenceGrant, Secret, Service, TcpRoute, TlsRoute, UdpRoute,
} from '../api/index.ts';
import type { SwitchyardProxy } from '../api/switchyard.ts';

/** Where an object was read from, for error messages. */
export interface SourcePosition {
  readonly file: string;
  /** 1-based line of the document's first line. */
  readonly line: number;
}

export interface Snapshot {
  readonly gatewayClasses: readonly GatewayClass[];
  readonly gateways: readonly Gateway[];
  readonly listenerSets: readonly ListenerSet[];
  readonly httpRoutes: readonly HttpRoute[];
  readonly grpcRoutes: readonly GrpcRoute[];
  readonly tlsRoutes: readonly TlsRoute[];
  readonly tcpRoutes: readonly TcpRoute[];
  readonly udpRoutes: readonly UdpRoute[];
  readonly referenceGrants: readonly ReferenceGrant[];
  readonly backendTlsPolicies: readonly BackendTlsPolicy[];
  readonly namespaces: readonly Namespace[];
  readonly services: readonly Service[];
  readonly endpointSlices: readonly EndpointSlice[];
  readonly secrets: readonly Secret[];
  readonly configMaps: readonly ConfigMap[];
  /** Parameters that GatewayClass and Gateway parametersRefs name. */
  readonly switchyardProxies: readonly SwitchyardProxy[];
}

/** Which snapshot field holds each kind. */
export const SNAPSHOT_FIELD_BY_KIND = {
  GatewayClass: 'gatewayClasses',
  Gateway: 'gateways',
  ListenerSet: 'listenerSets',
  HTTPRoute: 'httpRoutes',
  GRPCRoute: 'grpcRoutes',
  TLSRoute: 'tlsRoutes',
  TCPRoute: 'tcpRoutes',
  UDPRoute: 'udpRoutes',
  ReferenceGrant: 'referenceGrants',
  BackendTLSPolicy: 'backendTlsPolicies',
  Namespace: 'namespaces',
  Service: 'services',
  EndpointSlice: 'endpointSlices',
  Secret: 'secrets',
  ConfigMap: 'configMaps',
  SwitchyardProxy: 'switchyardProxies',
} as const satisfies Record<string, keyof Snapshot>;

export function emptySnapshot(): Snapshot {
  return {
    gatewayClasses: [], gateways: [], listenerSets: [], httpRoutes: [], grpcRoutes: [], tlsRoutes: [],
    tcpRoutes: [], udpRoutes: [], referenceGrants: [], backendTlsPolicies: [], namespaces: [],
    services: [], endpointSlices: [], secrets: [], configMaps: [], switchyardProxies: [],
  };
}

/**
 * Builds a snapshot from a flat list of objects. Objects of kinds the snapshot does not hold are
 * ignored (the loader has already warned about them).
 */
export function snapshotOf(objects: readonly KubeObject[]): Snapshot {
  const lists: Record<string, KubeObject[]> = {};
  for (const field of Object.values(SNAPSHOT_FIELD_BY_KIND)) lists[field] = [];
  for (const object of objects) {
    const field = (SNAPSHOT_FIELD_BY_KIND as Record<string, string>)[object.kind];
    if (field) lists[field]!.push(object);
  }
  return lists as unknown as Snapshot;
}

/** `kind/namespace/name` (cluster-scoped: `kind/name`): the store's key for an object. */
export function objectKey(object: { kind: string; metadata: { namespace?: string; name: string } }): string {
  const { namespace, name } = object.metadata;
  return namespace ? `${object.kind}/${namespace}/${name}` : `${object.kind}/${name}`;
}
