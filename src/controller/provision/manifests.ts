/**
 * The objects provisioned for one Gateway (GEP-1762): a Deployment running `switchyard proxy`, a
 * Service (LoadBalancer unless the parameters say otherwise) exposing every listener port, the
 * Secret with the config-stream key, and a HorizontalPodAutoscaler when autoscaling is asked for.
 * All carry the Gateway's `spec.infrastructure` labels and annotations and are owned by the Gateway,
 * so deleting the Gateway deletes them.
 */
import { randomBytes } from 'node:crypto';
import type { Gateway, KubeObject } from '../../api/index.ts';
import type { SwitchyardProxySpec } from '../../api/switchyard.ts';
import { STREAM_KEY_BYTES } from '../stream/protocol.ts';
import { GATEWAY_CLASS_LABEL, MANAGED_BY, MANAGED_BY_LABEL, fitName, provisionNames, selectorLabels } from './names.ts';

export const PROXY_HEALTH_PORT = 8082;
const KEY_MOUNT = '/etc/switchyard/stream';

export interface ProxyPort {
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
}

export interface ProvisionContext {
  readonly gateway: Gateway;
  readonly gatewayClass: string;
  readonly parameters: SwitchyardProxySpec;
  readonly ports: readonly ProxyPort[];
  /** Image of the proxy containers (the controller's own image by default). */
  readonly image: string;
  /** HOST:PORT proxies dial for the config stream. */
  readonly controllerAddress: string;
}

function metadataFor(ctx: ProvisionContext, name: string): KubeObject['metadata'] & { ownerReferences: unknown[] } {
  const { gateway, gatewayClass } = ctx;
  const infra = gateway.spec.infrastructure ?? {};
  return {
    name,
    namespace: gateway.metadata.namespace,
    labels: { ...infra.labels, ...selectorLabels(gateway.metadata.name), [GATEWAY_CLASS_LABEL]: fitName(gatewayClass) },
    annotations: { ...infra.annotations },
    ownerReferences: [{
      apiVersion: gateway.apiVersion, kind: 'Gateway', name: gateway.metadata.name, uid: gateway.metadata.uid,
      controller: true, blockOwnerDeletion: true,
    }],
  };
}

export function streamSecret(ctx: ProvisionContext): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Secret', type: 'Opaque',
    metadata: metadataFor(ctx, provisionNames(ctx.gateway.metadata.name, ctx.gatewayClass).streamSecret),
    data: { key: Buffer.from(randomBytes(STREAM_KEY_BYTES).toString('hex')).toString('base64') },
  };
}

export function proxyService(ctx: ProvisionContext): KubeObject {
  const meta = metadataFor(ctx, provisionNames(ctx.gateway.metadata.name, ctx.gatewayClass).proxy);
  const type = ctx.parameters.service?.type ?? 'LoadBalancer';
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { ...meta, annotations: { ...meta.annotations, ...ctx.parameters.service?.annotations } },
    spec: {
      type,
      selector: selectorLabels(ctx.gateway.metadata.name),
      ports: ctx.ports.map((p) => ({ name: `${p.protocol.toLowerCase()}-${p.port}`, port: p.port, targetPort: p.port, protocol: p.protocol })),
      // Keep client source addresses visible to the proxy where the load balancer supports it.
      ...(type !== 'ClusterIP' && { externalTrafficPolicy: 'Local' }),
    },
  };
}

export function proxyDeployment(ctx: ProvisionContext): KubeObject {
  const names = provisionNames(ctx.gateway.metadata.name, ctx.gatewayClass);
  const meta = metadataFor(ctx, names.proxy);
  const p = ctx.parameters;
  const { namespace, name } = ctx.gateway.metadata;
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta,
    spec: {
      ...(!p.autoscaling && { replicas: p.replicas ?? 1 }),
      selector: { matchLabels: selectorLabels(name) },
      template: {
        metadata: { labels: meta.labels, annotations: meta.annotations },
        spec: {
          // The proxy needs no Kubernetes API access: its configuration comes over the stream.
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          terminationGracePeriodSeconds: 30,
          securityContext: {
            runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001,
            seccompProfile: { type: 'RuntimeDefault' },
            // Listeners on ports below 1024 without root or capabilities (a namespaced, "safe" sysctl).
            sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
          },
          ...(p.nodeSelector && { nodeSelector: p.nodeSelector }),
          ...(p.tolerations && { tolerations: p.tolerations }),
          containers: [{
            name: 'proxy', image: ctx.image, args: ['proxy'],
            env: [
              { name: 'SWITCHYARD_CONTROLLER', value: ctx.controllerAddress },
              { name: 'SWITCHYARD_GATEWAY', value: `${namespace}/${name}` },
              { name: 'SWITCHYARD_STREAM_KEY_FILE', value: `${KEY_MOUNT}/key` },
              { name: 'SWITCHYARD_HEALTH', value: `0.0.0.0:${PROXY_HEALTH_PORT}` },
              { name: 'SWITCHYARD_LOG_LEVEL', value: p.logLevel ?? 'info' },
              { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            ],
            ports: [
              ...ctx.ports.map((port) => ({ containerPort: port.port, protocol: port.protocol })),
              { name: 'health', containerPort: PROXY_HEALTH_PORT, protocol: 'TCP' },
            ],
            readinessProbe: { httpGet: { path: '/readyz', port: PROXY_HEALTH_PORT }, periodSeconds: 2, failureThreshold: 2 },
            livenessProbe: { httpGet: { path: '/healthz', port: PROXY_HEALTH_PORT }, periodSeconds: 10, failureThreshold: 3 },
            ...(p.resources && { resources: p.resources }),
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
            volumeMounts: [{ name: 'stream-key', mountPath: KEY_MOUNT, readOnly: true }],
          }],
          volumes: [{ name: 'stream-key', secret: { secretName: names.streamSecret, defaultMode: 0o440 } }],
        },
      },
    },
  };
}

export function proxyAutoscaler(ctx: ProvisionContext): KubeObject | null {
  const a = ctx.parameters.autoscaling;
  if (!a) return null;
  const name = provisionNames(ctx.gateway.metadata.name, ctx.gatewayClass).proxy;
  return {
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: metadataFor(ctx, name),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: a.minReplicas ?? 1, maxReplicas: a.maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: a.targetCPUUtilizationPercentage ?? 80 } } }],
    },
  };
}

export { MANAGED_BY, MANAGED_BY_LABEL };
