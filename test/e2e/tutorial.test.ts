// The tutorial (../shared/seed/gateway-api-tutorial.txt), step by step, against real processes:
// GatewayClass accepted, Gateway programmed with an address, path routing, the 80/20 canary,
// and the troubleshooting reads (describe shows the route's conditions).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { httpRequest } from '../helpers/http.ts';
import { freePort } from '../helpers/ports.ts';
import { copyManifests, REPO, runToEnd, startEcho, startServe } from '../helpers/switchyard.ts';

let serviceA: Awaited<ReturnType<typeof startEcho>>;
let serviceB: Awaited<ReturnType<typeof startEcho>>;
let gateway: Awaited<ReturnType<typeof startServe>>;
let manifests: ReturnType<typeof copyManifests>;
let gatewayPort: number;

before(async () => {
  serviceA = await startEcho(['--text', 'Hello from Service A']);
  serviceB = await startEcho(['--text', 'Hello from Service B']);
  gatewayPort = await freePort();
  manifests = copyManifests(join(REPO, 'examples', 'quickstart'), {
    'port: 5678': `port: ${serviceA.port}`,
    'port: 5679': `port: ${serviceB.port}`,
    'port: 8080': `port: ${gatewayPort}`,
  });
  gateway = await startServe([manifests.dir]);
});

after(async () => {
  await Promise.all([gateway?.stop(), serviceA?.stop(), serviceB?.stop()]);
  manifests?.remove();
});

const get = (...args: string[]) => runToEnd([...args, '--admin', gateway.admin]);

test('kubectl get gatewayclass: ACCEPTED True', async () => {
  const { code, stdout } = await get('get', 'gatewayclass');
  assert.equal(code, 0);
  assert.match(stdout, /^NAME\s+CONTROLLER\s+ACCEPTED\s+AGE$/m);
  assert.match(stdout, /^switchyard\s+switchyard\.dev\/gateway-controller\s+True\s+\S+$/m);
});

test('kubectl get gateway -n demo: PROGRAMMED True with an ADDRESS', async () => {
  const { code, stdout } = await get('get', 'gateway', '-n', 'demo');
  assert.equal(code, 0);
  assert.match(stdout, /^NAME\s+CLASS\s+ADDRESS\s+PROGRAMMED\s+AGE$/m);
  assert.match(stdout, /^my-gateway\s+switchyard\s+127\.0\.0\.1\s+True\s+\S+$/m);
});

async function gatewayIp(): Promise<string> {
  const { stdout } = await get('get', 'gateway', 'my-gateway', '-n', 'demo', '-o', 'json');
  return (JSON.parse(stdout) as { status: { addresses: { value: string }[] } }).status.addresses[0]!.value;
}

test('path routing: /service-a and /service-b reach their services', async () => {
  const ip = await gatewayIp();
  const a = await httpRequest(`http://${ip}:${gatewayPort}/service-a`, { host: 'app.example.com' });
  assert.equal(a.status, 200);
  assert.equal(a.body, 'Hello from Service A\n');
  const b = await httpRequest(`http://${ip}:${gatewayPort}/service-b`, { host: 'app.example.com' });
  assert.equal(b.body, 'Hello from Service B\n');
  // PathPrefix matches whole path elements only; an unknown host matches no route.
  assert.equal((await httpRequest(`http://${ip}:${gatewayPort}/service-a-extra`, { host: 'app.example.com' })).status, 404);
  assert.equal((await httpRequest(`http://${ip}:${gatewayPort}/service-a`, { host: 'other.example.com' })).status, 404);
});

test('canary: about 80% of 1,000 requests reach service-a', async () => {
  const ip = await gatewayIp();
  let a = 0;
  for (let i = 0; i < 1000; i++) {
    const text = (await httpRequest(`http://${ip}:${gatewayPort}/`, { host: 'canary.example.com' })).body;
    if (text === 'Hello from Service A\n') a++;
    else assert.equal(text, 'Hello from Service B\n');
  }
  assert.ok(a > 740 && a < 860, `service-a got ${a} of 1000`);
});

test('describe httproute shows Accepted and ResolvedRefs for the parent', async () => {
  const { code, stdout } = await get('describe', 'httproute', 'my-route', '-n', 'demo');
  assert.equal(code, 0);
  assert.match(stdout, /^Name:\s+my-route$/m);
  assert.match(stdout, /Controller Name:\s+switchyard\.dev\/gateway-controller/);
  assert.match(stdout, /Reason:\s+Accepted\n\s+Status:\s+True\n\s+Type:\s+Accepted/);
  assert.match(stdout, /Reason:\s+ResolvedRefs\n\s+Status:\s+True\n\s+Type:\s+ResolvedRefs/);
});

test('check reports every quickstart resource accepted', async () => {
  const { code, stdout } = await runToEnd(['check', '-f', join(REPO, 'examples', 'quickstart')]);
  assert.equal(code, 0, stdout);
  for (const name of ['GatewayClass switchyard', 'Gateway demo/my-gateway', 'HTTPRoute demo/my-route', 'HTTPRoute demo/canary-route']) {
    assert.match(stdout, new RegExp(`^✓ ${name}$`, 'm'));
  }
});
