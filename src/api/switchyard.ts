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
  /** Edge limits of the data plane (docs/security.md lists every default). Durations as Gateway API durations. */
  limits?: ProxyLimits;
}

export interface SwitchyardProxy extends KubeObject {
  kind: 'SwitchyardProxy';
  metadata: ObjectMeta & { namespace: string };
  spec: SwitchyardProxySpec;
}

export interface ProxyLimits {
  /** Whole client request (head and body) must arrive within this. Default 300s. */
  requestTimeout?: string;
  /** A request/response with no byte either way for this long is ended. Default 300s. */
  streamIdleTimeout?: string;
  /** Backend TCP connect. Default 10s. */
  connectTimeout?: string;
  /** Response-head deadline for routes without `timeouts.request`. Default 15s. */
  routeTimeout?: string;
  /** Idle keep-alive client connections are closed after this. Default 1h. */
  downstreamIdleTimeout?: string;
  /** Connections per worker; more are closed on accept. Default 10000. */
  maxConnections?: number;
  /** Trusted proxies in front, for the client address taken from X-Forwarded-For. Default 0. */
  xffNumTrustedHops?: number;
}
