// SwitchyardProxy spec.limits in standalone mode: `switchyard serve` reads them through the
// Gateway's infrastructure.parametersRef, as the Kubernetes controller does, and a file change
// to the SwitchyardProxy reaches the bound socket.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { httpRequest } from '../helpers/http.ts';
import { GATEWAY_CLASS_YAML, httpGatewayYaml, serviceYaml } from '../helpers/manifests.ts';
import { freePort } from '../helpers/ports.ts';
import { startServe, type Running } from '../helpers/switchyard.ts';
import { waitFor } from '../helpers/wait.ts';

let silent: net.Server;
let serve: Running;
let dir: string;
let port = 0;

const proxy = (routeTimeout: string) => `
apiVersion: gateway.switchyard.dev/v1alpha1
kind: SwitchyardProxy
metadata: { name: edge, namespace: default }
spec: { limits: { routeTimeout: ${routeTimeout} } }
`;

before(async () => {
  silent = net.createServer((s) => s.on('error', () => {})); // accepts, never answers
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  port = await freePort();
  dir = mkdtempSync(join(tmpdir(), 'switchyard-limits-'));
  writeFileSync(join(dir, 'proxy.yaml'), proxy('300ms'));
  writeFileSync(join(dir, 'config.yaml'), GATEWAY_CLASS_YAML
    + httpGatewayYaml(port, 'infrastructure: { parametersRef: { group: gateway.switchyard.dev, kind: SwitchyardProxy, name: edge } }')
    + serviceYaml('silent', (silent.address() as net.AddressInfo).port) + `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: default }
spec:
  parentRefs: [{ name: gw }]
  rules: [{ backendRefs: [{ name: silent, port: 80 }] }]
`);
  serve = await startServe([dir], ['--workers', '1']);
});

after(async () => {
  await serve?.stop();
  silent.close();
  rmSync(dir, { recursive: true, force: true });
});

async function timed(): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const res = await httpRequest(`http://127.0.0.1:${port}/`);
  return { status: res.status, ms: Date.now() - started };
}

it('routeTimeout from the Gateway\'s SwitchyardProxy applies, and a change to it is picked up', async () => {
  const first = await waitFor(async () => (await timed().catch(() => null)) ?? undefined, 'the gateway to answer');
  assert.equal(first.status, 504);
  assert.ok(first.ms < 2_000, `504 after ${first.ms} ms: the 15 s default would have waited`);
  writeFileSync(join(dir, 'proxy.yaml'), proxy('1500ms'));
  const later = await waitFor(async () => { const t = await timed(); return t.ms >= 1_400 ? t : undefined; }, 'the longer route timeout', 15_000);
  assert.equal(later.status, 504);
});
