/**
 * Switchyard's own kinds, group `gateway.switchyard.dev`, version `v1alpha1`.
 *
 * `SwitchyardProxy` is the parameters kind a GatewayClass (`spec.parametersRef`) or a Gateway
 * (`spec.infrastructure.parametersRef`) names to shape the proxies provisioned for it (GEP-1762).
 * A Gateway's own reference wins over its class's; fields left out keep the defaults.
 * The CRD is deploy/crds/switchyardproxies.yaml; a test keeps the two in step.
 */
import type { KubeObject, ObjectMeta } from './meta.ts';

export const SWITCHYARD_PROXY_KIND = 'SwitchyardProxy';
export const SWITCHYARD_PROXY_API_VERSION = 'gateway.switchyard.dev/v1alpha1';
export const SWITCHYARD_PROXY_PLURAL = 'switchyardproxies';

export interface ResourceQuantities {
  cpu?: string;
  memory?: string;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

export interface SwitchyardProxySpec {
  /** Proxy pods; ignored while `autoscaling` is set. Default 1. */
  replicas?: number;
  resources?: { requests?: ResourceQuantities; limits?: ResourceQuantities };
  /** A HorizontalPodAutoscaler on CPU utilisation for the proxy Deployment. */
  autoscaling?: { minReplicas?: number; maxReplicas: number; targetCPUUtilizationPercentage?: number };
  service?: {
    /** Default LoadBalancer. */
    type?: 'LoadBalancer' | 'NodePort' | 'ClusterIP';
    annotations?: Record<string, string>;
  };
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  logLevel?: 'error' | 'warn' | 'info' | 'debug';
}

export interface SwitchyardProxy extends KubeObject {
  kind: 'SwitchyardProxy';
  metadata: ObjectMeta & { namespace: string };
  spec: SwitchyardProxySpec;
}
