/**
 * Names and labels of the objects provisioned for a Gateway, as GEP-1762 asks: resources named
 * `<gateway>-<gatewayclass>` and labelled `gateway.networking.k8s.io/gateway-name: <gateway>`.
 * Object names and label values are capped at 63 characters (Service names are DNS-1035 labels);
 * longer ones are cut and suffixed with a hash so two long names never collide.
 */
import { createHash } from 'node:crypto';

export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';
export const GATEWAY_CLASS_LABEL = 'gateway.networking.k8s.io/gateway-class-name';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'switchyard';
export const COMPONENT_LABEL = 'app.kubernetes.io/component';
/** Hash of the desired object, so an unchanged Gateway causes no writes (the API server adds defaults we must not fight). */
export const SPEC_HASH_ANNOTATION = 'gateway.switchyard.dev/spec-hash';

export function fitName(name: string, max = 63): string {
  if (name.length <= max) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, max - 9).replace(/[-.]+$/, '')}-${hash}`;
}

export interface ProvisionNames {
  /** Deployment, Service and HorizontalPodAutoscaler. */
  readonly proxy: string;
  /** The Secret holding the config-stream key. */
  readonly streamSecret: string;
}

export function provisionNames(gateway: string, gatewayClass: string): ProvisionNames {
  const base = fitName(`${gateway}-${gatewayClass}`);
  return { proxy: base, streamSecret: fitName(`${base}-stream`, 253) };
}

/** Labels that select a Gateway's proxy pods; immutable once the Deployment exists. */
export function selectorLabels(gateway: string): Record<string, string> {
  return { [GATEWAY_NAME_LABEL]: fitName(gateway), [COMPONENT_LABEL]: 'proxy', [MANAGED_BY_LABEL]: MANAGED_BY };
}
