/** API groups, kinds, the versions Switchyard reads, and the controller name. */

export const CONTROLLER_NAME = 'switchyard.dev/gateway-controller';
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
export const SWITCHYARD_GROUP = 'gateway.switchyard.dev';
export const CORE_GROUP = '';

/**
 * Every kind the translator reads, with the apiVersions accepted for it: every version the v1.6
 * standard channel serves, plus the older ones the experimental channel still serves; and
 * Switchyard's own parameters kind, which GatewayClass and Gateway parametersRefs resolve to.
 */
export const KNOWN_KINDS = {
  GatewayClass: { group: GATEWAY_GROUP, versions: ['v1', 'v1beta1'], namespaced: false, plural: 'gatewayclasses' },
  Gateway: { group: GATEWAY_GROUP, versions: ['v1', 'v1beta1'], namespaced: true, plural: 'gateways' },
  HTTPRoute: { group: GATEWAY_GROUP, versions: ['v1', 'v1beta1'], namespaced: true, plural: 'httproutes' },
  GRPCRoute: { group: GATEWAY_GROUP, versions: ['v1'], namespaced: true, plural: 'grpcroutes' },
  TLSRoute: { group: GATEWAY_GROUP, versions: ['v1', 'v1alpha3', 'v1alpha2'], namespaced: true, plural: 'tlsroutes' },
  TCPRoute: { group: GATEWAY_GROUP, versions: ['v1', 'v1alpha2'], namespaced: true, plural: 'tcproutes' },
  UDPRoute: { group: GATEWAY_GROUP, versions: ['v1', 'v1alpha2'], namespaced: true, plural: 'udproutes' },
  ReferenceGrant: { group: GATEWAY_GROUP, versions: ['v1', 'v1beta1'], namespaced: true, plural: 'referencegrants' },
  BackendTLSPolicy: { group: GATEWAY_GROUP, versions: ['v1', 'v1alpha3'], namespaced: true, plural: 'backendtlspolicies' },
  ListenerSet: { group: GATEWAY_GROUP, versions: ['v1'], namespaced: true, plural: 'listenersets' },
  Namespace: { group: CORE_GROUP, versions: ['v1'], namespaced: false, plural: 'namespaces' },
  Service: { group: CORE_GROUP, versions: ['v1'], namespaced: true, plural: 'services' },
  Secret: { group: CORE_GROUP, versions: ['v1'], namespaced: true, plural: 'secrets' },
  ConfigMap: { group: CORE_GROUP, versions: ['v1'], namespaced: true, plural: 'configmaps' },
  EndpointSlice: { group: 'discovery.k8s.io', versions: ['v1'], namespaced: true, plural: 'endpointslices' },
  SwitchyardProxy: { group: SWITCHYARD_GROUP, versions: ['v1alpha1'], namespaced: true, plural: 'switchyardproxies' },
} as const;

export type KnownKind = keyof typeof KNOWN_KINDS;

export function isKnownKind(kind: string): kind is KnownKind {
  return Object.hasOwn(KNOWN_KINDS, kind);
}

/** `group/version` as written in apiVersion (core kinds: just the version). */
export function apiVersionOf(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/** Splits an apiVersion into group and version. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
