/** The core Kubernetes kinds the translator reads: Namespace, Service, EndpointSlice, Secret, ConfigMap. */
import type { KubeObject, ObjectMeta } from './meta.ts';

export interface Namespace extends KubeObject {
  kind: 'Namespace';
}

export interface ServicePort {
  name?: string;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  appProtocol?: string;
  port: number;
  targetPort?: number | string;
}

export interface Service extends KubeObject {
  kind: 'Service';
  metadata: ObjectMeta & { namespace: string };
  spec: {
    type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
    clusterIP?: string;
    externalName?: string;
    selector?: Record<string, string>;
    ports?: ServicePort[];
  };
}

export interface EndpointPort {
  name?: string;
  port?: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  appProtocol?: string;
}

export interface Endpoint {
  addresses: string[];
  conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
  hostname?: string;
  nodeName?: string;
  zone?: string;
}

export interface EndpointSlice extends KubeObject {
  kind: 'EndpointSlice';
  metadata: ObjectMeta & { namespace: string };
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints?: Endpoint[];
  ports?: EndpointPort[];
}

export interface Secret extends KubeObject {
  kind: 'Secret';
  metadata: ObjectMeta & { namespace: string };
  type?: string;
  /** Base64-encoded values. */
  data?: Record<string, string>;
  /** Plain values (write-only in a cluster; merged into data when read from a manifest). */
  stringData?: Record<string, string>;
}

export interface ConfigMap extends KubeObject {
  kind: 'ConfigMap';
  metadata: ObjectMeta & { namespace: string };
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
}
