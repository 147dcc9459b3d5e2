/** Cluster objects for the Kubernetes-mode tests, written out in full as the API server would hold them after defaulting. */
import { CONTROLLER_NAME } from '../../src/api/index.ts';
import type { ControllerArgs } from '../../src/controller/index.ts';
import type { FakeApiServer } from '../helpers/fake-apiserver.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GW = 'gateway.networking.k8s.io/v1';

export const gatewayClass = (name = 'switchyard', controllerName = CONTROLLER_NAME) => ({
  apiVersion: GW, kind: 'GatewayClass', metadata: { name }, spec: { controllerName },
});

export const namespace = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } });

export const gateway = (name: string, port: number, extra: Record<string, unknown> = {}, className = 'switchyard') => ({
  apiVersion: GW, kind: 'Gateway', metadata: { name, namespace: 'demo' },
  spec: { gatewayClassName: className, listeners: [{ name: 'http', port, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } }], ...extra },
});

export const httpRoute = (name: string, gatewayName: string, backend: string) => ({
  apiVersion: GW, kind: 'HTTPRoute', metadata: { name, namespace: 'demo' },
  spec: {
    parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: gatewayName }],
    rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ group: '', kind: 'Service', name: backend, port: 80, weight: 1 }] }],
  },
});

export const backend = (name: string, targetPort: number) => [
  { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'demo' }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', ports: [{ port: 80, targetPort, protocol: 'TCP' }] } },
  {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: `${name}-1`, namespace: 'demo', labels: { 'kubernetes.io/service-name': name } },
    addressType: 'IPv4', ports: [{ port: targetPort, protocol: 'TCP' }], endpoints: [{ addresses: ['127.0.0.1'], conditions: { ready: true } }],
  },
];

/** The tutorial's objects: class, namespace, one backend, a Gateway on `port` and a route to the backend. */
export function seedTutorial(api: FakeApiServer, port: number, backendPort = 9): void {
  for (const o of [gatewayClass(), namespace('demo'), ...backend('service-a', backendPort), gateway('my-gateway', port), httpRoute('my-route', 'my-gateway', 'service-a')]) api.put(o);
}

export function writeKubeconfig(api: FakeApiServer): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-kube-'));
  const file = join(dir, 'config');
  writeFileSync(file, api.kubeconfig());
  return file;
}

export function controllerArgs(kubeconfig: string, identity: string, over: Partial<ControllerArgs> = {}): ControllerArgs {
  return {
    kubeconfig, namespace: 'switchyard-system', leaseName: 'switchyard-controller', identity,
    streamListen: '127.0.0.1:0', streamAddress: '127.0.0.1:18000', health: '127.0.0.1:0',
    proxyImage: 'switchyard:test', logLevel: 'silent', leaseDurationSeconds: 2, retryPeriodMs: 200, ...over,
  };
}

type Cond = { type: string; status: string; reason: string; message: string };
export function conditionOf(object: unknown, type: string): Cond | undefined {
  return (((object as { status?: { conditions?: Cond[] } } | undefined)?.status)?.conditions ?? []).find((c) => c.type === type);
}
