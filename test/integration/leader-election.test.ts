// Leader election between two real controller processes on one fake API server: one leads, the other
// stays warm; killing the leader hands over within seconds; a graceful stop hands over at once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeApiServer } from '../helpers/fake-apiserver.ts';
import { run, type Running } from '../helpers/switchyard.ts';
import { waitFor } from '../helpers/wait.ts';
import { seedTutorial, writeKubeconfig } from './fixtures.ts';

let api: FakeApiServer;
let kubeconfig: string;
const running: Running[] = [];

const holder = () => (api.get('Lease', 'switchyard-system', 'switchyard-controller')?.spec as { holderIdentity?: string | null } | undefined)?.holderIdentity ?? null;

function controller(identity: string): Running {
  const c = run(['controller', '--kubeconfig', kubeconfig, '--namespace', 'switchyard-system', '--identity', identity,
    '--lease-duration', '2', '--retry-period-ms', '200', '--health', '127.0.0.1:0', '--stream-listen', '127.0.0.1:0', '--log-level', 'info']);
  running.push(c);
  return c;
}

before(async () => {
  api = await new FakeApiServer().start();
  seedTutorial(api, 8080);
  kubeconfig = writeKubeconfig(api);
});

after(async () => {
  await Promise.all(running.map((c) => c.stop('SIGKILL')));
  await api?.close();
});

test('one leader; the other takes over within seconds after the leader is killed, and provisions', async () => {
  const a = controller('controller-a');
  await waitFor(() => holder() === 'controller-a', 'controller-a to lead', 15_000);
  const b = controller('controller-b');
  await waitFor(() => b.stderr().includes('"msg":"watching"'), 'controller-b to watch', 15_000);
  await new Promise((r) => setTimeout(r, 1_000));
  assert.equal(holder(), 'controller-a', 'the standby must not take a held lease');
  assert.doesNotMatch(b.stderr(), /became the leader/);
  await waitFor(() => api.get('Deployment', 'demo', 'my-gateway-switchyard'), 'the leader to provision');

  await a.stop('SIGKILL');
  const killedAt = Date.now();
  api.remove('Deployment', 'demo', 'my-gateway-switchyard');
  await waitFor(() => holder() === 'controller-b', 'controller-b to take over', 10_000);
  const takeoverMs = Date.now() - killedAt;
  assert.ok(takeoverMs < 5_000, `takeover took ${takeoverMs} ms`);
  await waitFor(() => api.get('Deployment', 'demo', 'my-gateway-switchyard'), 'the new leader to provision again', 5_000);
  const lease = api.get('Lease', 'switchyard-system', 'switchyard-controller')!.spec as { leaseTransitions: number };
  assert.equal(lease.leaseTransitions, 1);
});

test('a leader stopped with SIGTERM releases the lease so the standby takes over at once', async () => {
  const c = controller('controller-c');
  await waitFor(() => c.stderr().includes('"msg":"watching"'), 'controller-c to watch', 15_000);
  const b = running.find((r) => r.stderr().includes('controller-b'))!;
  const stoppedAt = Date.now();
  assert.equal(await b.stop('SIGTERM'), 0);
  assert.equal(holder() === 'controller-b', false, 'released on shutdown');
  await waitFor(() => holder() === 'controller-c', 'controller-c to take over', 5_000);
  assert.ok(Date.now() - stoppedAt < 2_000, 'takeover after a release needs no expiry');
});
