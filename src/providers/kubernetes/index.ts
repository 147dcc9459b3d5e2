/**
 * The Kubernetes source and sink: finding the cluster (kubeconfig.ts), a minimal API client
 * (client.ts), list+watch per kind (reflector.ts), the provider that feeds the controller
 * (kubernetes-provider.ts) and the status-subresource writer (status-writer.ts).
 */
export { findClusterConfig, loadKubeconfig, type ClusterConfig } from './kubeconfig.ts';
export { KubeApiError, KubeClient, type WatchEvent } from './client.ts';
export { discoverResources } from './discovery.ts';
export { Reflector } from './reflector.ts';
export { KubernetesProvider, type KubernetesProviderOptions } from './kubernetes-provider.ts';
export { StatusWriter, sameJson, stableStringify } from './status-writer.ts';
export { Backoff, sleep } from './backoff.ts';
export { CORE_RESOURCES, collectionPath, objectPath, type ApiResource } from './resources.ts';
export { fingerprint, isSignificant } from './significance.ts';
