// Kubernetes mode end to end on loopback: a controller process on the fake API server, a proxy process
// (playing the provisioned pod) fed over the config stream, traffic through it to an echo backend;
// the controller killed (traffic still served), restarted (the proxy reconnects, the Gateway stays Programmed).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeApiServer } from '../helpers/fake-apiserver.ts';
import { httpRequest } from '../helpers/http.ts';
import { freePort } from '../helpers/ports.ts';
import { run, startEcho, type Running } from '../helpers/switchyard.ts';
import { waitFor, waitForLine } from '../helpers/wait.ts';
import { conditionOf, seedTutorial, writeKubeconfig } from './fixtures.ts';

let api: FakeApiServer;
let echo: Awaited<ReturnType<typeof startEcho>>;
let controller: Running;
let proxy: Running;
let gatewayPort: number;
let streamPort: number;
let kubeconfig: string;
let proxyHealth: string;

const startController = () => run(['controller', '--kubeconfig', kubeconfig, '--namespace', 'switchyard-system', '--identity', 'e2e',
  '--lease-duration', '2', '--retry-period-ms', '200', '--health', '127.0.0.1:0', '--stream-listen', `127.0.0.1:${streamPort}`,
  '--stream-address', `127.0.0.1:${streamPort}`]);

before(async () => {
  api = await new FakeApiServer().start();
  echo = await startEcho(['--text', 'Hello from Service A']);
  gatewayPort = await freePort();
  streamPort = await freePort();
  seedTutorial(api, gatewayPort, echo.port);
  kubeconfig = writeKubeconfig(api);
  controller = startController();
});

after(async () => {
  await Promise.all([controller?.stop('SIGKILL'), proxy?.stop('SIGKILL'), echo?.stop()]);
  await api?.close();
});

const programmed = () => conditionOf(api.get('Gateway', 'demo', 'my-gateway'), 'Programmed');

test('the provisioned proxy gets its configuration over the stream and serves traffic; the Gateway becomes Programmed', async () => {
  const secret = await waitFor(() => api.get('Secret', 'demo', 'my-gateway-switchyard-stream'), 'the stream Secret', 15_000);
  const deployment = await waitFor(() => api.get('Deployment', 'demo', 'my-gateway-switchyard'), 'the Deployment');
  const env = (deployment.spec as { template: { spec: { containers: { env: { name: string; value?: string }[] }[] } } }).template.spec.containers[0]!.env;
  assert.equal(env.find((e) => e.name === 'SWITCHYARD_CONTROLLER')?.value, `127.0.0.1:${streamPort}`);
  assert.equal(env.find((e) => e.name === 'SWITCHYARD_GATEWAY')?.value, 'demo/my-gateway');
  // Provisioning and the status write are separate steps: wait for the write, then check it.
  await waitFor(() => programmed() !== undefined, 'the Gateway\'s Programmed condition');
  assert.equal(programmed()?.reason, 'AddressNotAssigned');
  const service = api.get('Service', 'demo', 'my-gateway-switchyard')!;
  api.put({ ...service, status: { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } } });
  await waitFor(() => programmed()?.reason === 'Pending', 'Programmed=False/Pending before any proxy');

  // Play kubelet: run the container's command with the mounted Secret and the Deployment's environment.
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-proxy-'));
  writeFileSync(join(dir, 'key'), Buffer.from((secret.data as { key: string }).key, 'base64'));
  proxy = run(['proxy', '--bind-address', '127.0.0.1', '--health', '127.0.0.1:0', '--drain-delay-ms', '0'], { env: {
    SWITCHYARD_CONTROLLER: env.find((e) => e.name === 'SWITCHYARD_CONTROLLER')!.value!,
    SWITCHYARD_GATEWAY: 'demo/my-gateway', SWITCHYARD_STREAM_KEY_FILE: join(dir, 'key'), POD_NAME: 'my-gateway-switchyard-abc',
  } });
  const line = await waitForLine(proxy.child.stderr!, (l) => l.includes('proxy health endpoints listening'), 'the proxy health endpoint');
  proxyHealth = (JSON.parse(line) as { health: string }).health;
  await waitFor(async () => (await fetch(`http://${proxyHealth}/readyz`).catch(() => null))?.ok, 'the proxy to be ready', 10_000);
  const reply = await httpRequest(`http://127.0.0.1:${gatewayPort}/`, { host: 'app.example.com' });
  assert.equal(reply.status, 200);
  assert.match(reply.body, /Hello from Service A/);
  await waitFor(() => programmed()?.status === 'True', 'Programmed=True after the proxy acknowledged', 10_000);
  assert.deepEqual((api.get('Gateway', 'demo', 'my-gateway')!.status as { addresses: unknown }).addresses, [{ type: 'IPAddress', value: '127.0.0.1' }]);
});

test('with the controller gone the proxy keeps serving its last configuration', async () => {
  await controller.stop('SIGKILL');
  await waitFor(() => proxy.stderr().includes('reconnecting'), 'the proxy to notice');
  for (let i = 0; i < 5; i++) {
    const reply = await httpRequest(`http://127.0.0.1:${gatewayPort}/`, { host: 'app.example.com' });
    assert.equal(reply.status, 200);
  }
  assert.equal((await fetch(`http://${proxyHealth}/readyz`)).status, 200);
});

test('a restarted controller is reconnected to and its configuration changes reach the proxy', async () => {
  const connectsBefore = proxy.stderr().split('config stream: connected').length;
  controller = startController();
  await waitFor(() => proxy.stderr().split('config stream: connected').length > connectsBefore, 'the proxy to reconnect', 15_000);
  // A change made after the restart is served: a second route on another path.
  api.put({
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'redirect', namespace: 'demo' },
    spec: {
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'my-gateway' }],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/old' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: '/new' }, statusCode: 301 } }] }],
    },
  });
  await waitFor(async () => (await httpRequest(`http://127.0.0.1:${gatewayPort}/old`, { host: 'app.example.com' })).status === 301, 'the new route to be served', 10_000);
  await waitFor(() => programmed()?.status === 'True', 'still Programmed');
});

test('the proxy drains on SIGTERM: readiness off, then it exits cleanly', async () => {
  assert.equal(await proxy.stop('SIGTERM'), 0);
});
