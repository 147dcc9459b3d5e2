/** API resource descriptors and the REST paths Kubernetes serves them on. */
import type { KubeObject } from '../../api/index.ts';

export interface ApiResource {
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly namespaced: boolean;
}

export function apiVersionOfResource(r: ApiResource): string {
  return r.group === '' ? r.version : `${r.group}/${r.version}`;
}

/** `/api/v1` or `/apis/{group}/{version}`. */
export function groupVersionPath(group: string, version: string): string {
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
}

/** The collection path: all namespaces when `namespace` is undefined (or the kind is cluster-scoped). */
export function collectionPath(r: ApiResource, namespace?: string): string {
  const base = groupVersionPath(r.group, r.version);
  return r.namespaced && namespace !== undefined ? `${base}/namespaces/${namespace}/${r.plural}` : `${base}/${r.plural}`;
}

export function objectPath(r: ApiResource, namespace: string | undefined, name: string): string {
  return `${collectionPath(r, namespace)}/${encodeURIComponent(name)}`;
}

export function objectPathOf(r: ApiResource, object: KubeObject): string {
  return objectPath(r, object.metadata.namespace, object.metadata.name);
}

/** Resources the controller writes, at the versions every supported cluster serves. */
export const CORE_RESOURCES = {
  Deployment: { kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', namespaced: true },
  Service: { kind: 'Service', group: '', version: 'v1', plural: 'services', namespaced: true },
  Secret: { kind: 'Secret', group: '', version: 'v1', plural: 'secrets', namespaced: true },
  HorizontalPodAutoscaler: { kind: 'HorizontalPodAutoscaler', group: 'autoscaling', version: 'v2', plural: 'horizontalpodautoscalers', namespaced: true },
  Lease: { kind: 'Lease', group: 'coordination.k8s.io', version: 'v1', plural: 'leases', namespaced: true },
  SwitchyardProxy: { kind: 'SwitchyardProxy', group: 'gateway.switchyard.dev', version: 'v1alpha1', plural: 'switchyardproxies', namespaced: true },
} as const satisfies Record<string, ApiResource>;
