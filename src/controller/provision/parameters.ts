/**
 * Which SwitchyardProxy parameters shape a Gateway's proxies: the Gateway's own
 * `spec.infrastructure.parametersRef` (same namespace) wins over its class's `spec.parametersRef`;
 * a reference of another kind, or to a missing object, gives the defaults (the translator reports
 * the reference on the Gateway's or class's conditions).
 */
import { SWITCHYARD_GROUP, type Gateway, type GatewayClass, type KubeObject } from '../../api/index.ts';
import { SWITCHYARD_PROXY_KIND, type SwitchyardProxySpec } from '../../api/switchyard.ts';

export type Lookup = (kind: string, namespace: string | undefined, name: string) => KubeObject | undefined;

export function proxyParameters(gateway: Gateway, gatewayClass: GatewayClass | undefined, lookup: Lookup): SwitchyardProxySpec {
  const own = gateway.spec.infrastructure?.parametersRef;
  if (own && own.group === SWITCHYARD_GROUP && own.kind === SWITCHYARD_PROXY_KIND) {
    const found = lookup(SWITCHYARD_PROXY_KIND, gateway.metadata.namespace, own.name);
    if (found) return (found.spec ?? {}) as SwitchyardProxySpec;
  }
  const ref = gatewayClass?.spec.parametersRef;
  if (ref && ref.group === SWITCHYARD_GROUP && ref.kind === SWITCHYARD_PROXY_KIND && ref.namespace) {
    const found = lookup(SWITCHYARD_PROXY_KIND, ref.namespace, ref.name);
    if (found) return (found.spec ?? {}) as SwitchyardProxySpec;
  }
  return {};
}
