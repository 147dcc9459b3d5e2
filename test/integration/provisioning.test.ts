// Provisioning per Gateway (GEP-1762) and Gateway status from the proxy Service, against the fake API server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startController, type RunningController } from '../../src/controller/index.ts';
import { FakeApiServer } from '../helpers/fake-apiserver.ts';
import { waitFor } from '../helpers/wait.ts';
import { conditionOf, controllerArgs, gateway, seedTutorial, writeKubeconfig } from './fixtures.ts';

let api: FakeApiServer;
let controller: RunningController;

before(async () => {
  api = await new FakeApiServer().start();
  seedTutorial(api, 8080);
  api.put({ apiVersion: 'gateway.switchyard.dev/v1alpha1', kind: 'SwitchyardProxy', metadata: { name: 'big', namespace: 'demo' }, spec: {
    replicas: 3, service: { type: 'NodePort', annotations: { 'lb.example.com/internal': 'true' } },
    nodeSelector: { pool: 'edge' }, tolerations: [{ key: 'edge', operator: 'Exists', effect: 'NoSchedule' }], logLevel: 'debug',
    resources: { requests: { cpu: '100m', memory: '64Mi' } },
  } });
  api.put(gateway('tuned', 9090, { infrastructure: {
    labels: { team: 'edge' }, annotations: { 'example.com/owner': 'edge-team' },
    parametersRef: { group: 'gateway.switchyard.dev', kind: 'SwitchyardProxy', name: 'big' },
  } }));
  controller = await startController(controllerArgs(writeKubeconfig(api), 'controller-a'));
  await controller.started;
});

after(async () => {
  await controller?.stop();
  await api?.close();
});

test('creates a Deployment, Service and stream Secret per Gateway, named and labelled as GEP-1762 says, owned by the Gateway', async () => {
  const deployment = await waitFor(() => api.get('Deployment', 'demo', 'my-gateway-switchyard'), 'the proxy Deployment', 8_000);
  const service = api.get('Service', 'demo', 'my-gateway-switchyard')!;
  const secret = api.get('Secret', 'demo', 'my-gateway-switchyard-stream')!;
  const gw = api.get('Gateway', 'demo', 'my-gateway')!;
  for (const o of [deployment, service, secret]) {
    assert.equal(o.metadata.labels?.['gateway.networking.k8s.io/gateway-name'], 'my-gateway');
    assert.deepEqual(o.metadata.ownerReferences, [{ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', name: 'my-gateway', uid: gw.metadata.uid, controller: true, blockOwnerDeletion: true }]);
  }
  const spec = deployment.spec as { replicas: number; template: { spec: { automountServiceAccountToken: boolean; containers: { args: string[]; image: string; securityContext: { readOnlyRootFilesystem: boolean } }[] } } };
  assert.equal(spec.replicas, 1);
  assert.equal(spec.template.spec.automountServiceAccountToken, false);
  assert.deepEqual(spec.template.spec.containers[0]!.args, ['proxy']);
  assert.equal(spec.template.spec.containers[0]!.securityContext.readOnlyRootFilesystem, true);
  const svc = service.spec as { type: string; ports: { port: number; targetPort: number; protocol: string }[] };
  assert.equal(svc.type, 'LoadBalancer');
  assert.deepEqual(svc.ports.map((p) => [p.port, p.targetPort, p.protocol]), [[8080, 8080, 'TCP']]);
  assert.equal(Buffer.from((secret.data as { key: string }).key, 'base64').toString().length, 64);
});

test('applies spec.infrastructure labels and annotations and SwitchyardProxy parameters', async () => {
  const deployment = await waitFor(() => api.get('Deployment', 'demo', 'tuned-switchyard'), 'the tuned Deployment', 8_000);
  const service = api.get('Service', 'demo', 'tuned-switchyard')!;
  assert.equal(deployment.metadata.labels?.team, 'edge');
  assert.equal(deployment.metadata.annotations?.['example.com/owner'], 'edge-team');
  const spec = deployment.spec as { replicas: number; template: { metadata: { labels: Record<string, string> }; spec: { nodeSelector: unknown; tolerations: unknown; containers: { resources: unknown; env: { name: string; value?: string }[] }[] } } };
  assert.equal(spec.replicas, 3);
  assert.equal(spec.template.metadata.labels.team, 'edge');
  assert.deepEqual(spec.template.spec.nodeSelector, { pool: 'edge' });
  assert.deepEqual(spec.template.spec.tolerations, [{ key: 'edge', operator: 'Exists', effect: 'NoSchedule' }]);
  assert.deepEqual(spec.template.spec.containers[0]!.resources, { requests: { cpu: '100m', memory: '64Mi' } });
  assert.equal(spec.template.spec.containers[0]!.env.find((e) => e.name === 'SWITCHYARD_LOG_LEVEL')?.value, 'debug');
  assert.equal((service.spec as { type: string }).type, 'NodePort');
  assert.equal(service.metadata.annotations?.['lb.example.com/internal'], 'true');
  assert.equal(service.metadata.labels?.team, 'edge');
});

test('reports no address and Programmed=False until the Service has one; then the load-balancer address, still Pending without a proxy', async () => {
  await waitFor(() => api.get('Service', 'demo', 'my-gateway-switchyard'), 'the Service', 8_000);
  const gw0 = await waitFor(() => conditionOf(api.get('Gateway', 'demo', 'my-gateway'), 'Programmed') && api.get('Gateway', 'demo', 'my-gateway'), 'a Programmed condition');
  assert.equal(conditionOf(gw0, 'Accepted')?.status, 'True');
  assert.equal(conditionOf(gw0, 'Programmed')?.status, 'False');
  const service = api.get('Service', 'demo', 'my-gateway-switchyard')!;
  api.put({ ...service, spec: { ...(service.spec as object), clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'] } });
  const fallback = await waitFor(() => {
    const g = api.get('Gateway', 'demo', 'my-gateway');
    return (g?.status as { addresses?: { value: string }[] } | undefined)?.addresses?.[0]?.value === '10.96.5.5' && g;
  }, 'the ClusterIP fallback address');
  assert.equal(conditionOf(fallback, 'Programmed')?.reason, 'Pending');
  const withCluster = api.get('Service', 'demo', 'my-gateway-switchyard')!;
  api.put({ ...withCluster, status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }, { hostname: 'lb.example.com' }] } } });
  const gw = await waitFor(() => {
    const g = api.get('Gateway', 'demo', 'my-gateway');
    return (g?.status as { addresses?: unknown[] } | undefined)?.addresses?.length === 2 && g;
  }, 'addresses from the load balancer');
  assert.deepEqual((gw as { status?: { addresses?: unknown[] } }).status?.addresses, [{ type: 'IPAddress', value: '203.0.113.7' }, { type: 'Hostname', value: 'lb.example.com' }]);
  const programmed = conditionOf(gw, 'Programmed')!;
  assert.equal(programmed.status, 'False');
  assert.equal(programmed.reason, 'Pending');
});

test('does not rewrite provisioned objects or statuses when nothing changed', async () => {
  await controller.reconciler.idle();
  const before = { ...controller.provisioner.stats };
  const writes = controller.writer.stats.written;
  controller.reconciler.kick();
  await controller.reconciler.idle();
  assert.deepEqual(controller.provisioner.stats, before);
  assert.equal(controller.writer.stats.written, writes);
});

test('leaves Gateways of other classes alone', async () => {
  api.put({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'other' }, spec: { controllerName: 'example.com/other' } });
  api.put(gateway('theirs', 7070, {}, 'other'));
  await waitFor(() => controller.reconciler.cycles > 0, 'a cycle');
  await new Promise((r) => setTimeout(r, 300));
  await controller.reconciler.idle();
  assert.equal(api.get('Deployment', 'demo', 'theirs-other'), undefined);
  assert.equal(api.get('Gateway', 'demo', 'theirs')!.status, undefined);
  assert.equal(api.get('GatewayClass', undefined, 'other')!.status, undefined);
});
