/**
 * Validation of one object, as the API server would admit it: the schema and CEL rules of the
 * Gateway API CRDs (experimental channel, the superset Switchyard serves) for the apiVersion the
 * object is written in, Switchyard's own CRD (SwitchyardProxy), and light checks of the core kinds.
 *
 * Returns issues with field paths relative to the object; the loader turns them into positioned
 * diagnostics. Errors reject the object; warnings (unknown fields, missing labels) do not.
 */
import type { KubeObject, KnownKind } from '../../api/index.ts';
import { configMapKind, endpointSlice, namespaceKind, secret, service } from './core.ts';
import { gateway, gatewayClass, listenerSet } from './gateway.ts';
import { grpcRoute } from './grpc-route.ts';
import { httpRoute } from './http-route.ts';
import { l4Route, tlsRoute } from './l4-routes.ts';
import { backendTlsPolicy, referenceGrant } from './policies.ts';
import { validate, type Issue, type ObjectSchema } from './schema.ts';
import { switchyardProxy } from './switchyard-proxy.ts';

export type { Issue, Path } from './schema.ts';
export { formatPath } from './schema.ts';

const SCHEMAS: Record<KnownKind, (version: string) => ObjectSchema> = {
  GatewayClass: gatewayClass,
  Gateway: gateway,
  ListenerSet: listenerSet,
  HTTPRoute: httpRoute,
  GRPCRoute: grpcRoute,
  TLSRoute: tlsRoute,
  TCPRoute: l4Route,
  UDPRoute: l4Route,
  ReferenceGrant: referenceGrant,
  BackendTLSPolicy: backendTlsPolicy,
  Namespace: namespaceKind,
  Service: service,
  EndpointSlice: endpointSlice,
  Secret: secret,
  ConfigMap: configMapKind,
  SwitchyardProxy: switchyardProxy,
};

/** The schema for a kind in a version; built once (building is cheap, but reloads are frequent). */
const cache = new Map<string, ObjectSchema>();
export function schemaFor(kind: KnownKind, version: string): ObjectSchema {
  const key = `${kind}/${version}`;
  let schema = cache.get(key);
  if (!schema) cache.set(key, (schema = SCHEMAS[kind](version)));
  return schema;
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** Validates an object of a known kind, written in `version` of its group (already checked to be served). */
export function validateObject(kind: KnownKind, version: string, object: KubeObject | Record<string, unknown>): Issue[] {
  const issues = validate(schemaFor(kind, version), object);
  const labels = (object as KubeObject).metadata?.labels;
  if (kind === 'EndpointSlice' && typeof labels?.[SERVICE_NAME_LABEL] !== 'string') {
    issues.push({
      path: ['metadata', 'labels'],
      message: `an EndpointSlice needs the label ${SERVICE_NAME_LABEL}: <service name> to provide endpoints to that Service; this one provides none`,
      severity: 'warning',
    });
  }
  return issues;
}
