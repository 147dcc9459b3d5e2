// Changing configuration while serving: new routes appear without a restart, a bounded load on an
// unchanged route sees zero failures while routes change repeatedly, a broken file leaves the last
// good configuration serving (and is reported), and SIGTERM drains in-flight requests.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATEWAY_CLASS_YAML, httpGatewayYaml, serviceYaml } from '../helpers/manifests.ts';
import { freePort } from '../helpers/ports.ts';
import { startServe } from '../helpers/switchyard.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

let backend: Server;
let backendPort: number;
let gatewayPort: number;
let dir: string;

/** A backend that answers its own name and the path, after `?delay=MS` if asked. */
before(async () => {
  backend = createServer((req, res) => {
    const delay = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('delay') ?? 0);
    setTimeout(() => res.end(`backend ${req.url}`), delay);
  });
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  backendPort = (backend.address() as AddressInfo).port;
  gatewayPort = await freePort();
  dir = mkdtempSync(join(tmpdir(), 'switchyard-reload-'));
  writeFileSync(join(dir, 'base.yaml'), base());
  writeFileSync(join(dir, 'stable-route.yaml'), route('stable', '/stable'));
});

after(async () => {
  await new Promise((r) => backend.close(r));
  backend.closeAllConnections();
  rmSync(dir, { recursive: true, force: true });
});

function base(): string {
  return GATEWAY_CLASS_YAML + httpGatewayYaml(gatewayPort) + serviceYaml('backend', backendPort);
}

function route(name: string, prefix: string): string {
  return `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: ${name}, namespace: default }
spec:
  parentRefs: [{ name: gw }]
  rules:
    - matches: [{ path: { type: PathPrefix, value: ${prefix} } }]
      backendRefs: [{ name: backend, port: 80 }]
`;
}

/** Writes a file the way editors and ConfigMap updates do: a temp file renamed over the old one. */
function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.tmp~`, text);
  renameSync(`${file}.tmp~`, file);
}

const status = async (path: string) => (await fetch(`http://127.0.0.1:${gatewayPort}${path}`)).status;

test('routes change while serving: zero failed requests on the unchanged route', async () => {
  const gw = await startServe([dir]);
  try {
    assert.equal(await status('/stable'), 200);
    assert.equal(await status('/canary'), 404);

    // Bounded load: 4 concurrent loops against /stable for the duration of the changes.
    let stop = false;
    let ok = 0;
    const failures: string[] = [];
    const loops = Array.from({ length: 4 }, async () => {
      while (!stop) {
        try {
          const res = await fetch(`http://127.0.0.1:${gatewayPort}/stable`);
          await res.text();
          if (res.status === 200) ok++;
          else failures.push(`status ${res.status}`);
        } catch (error) {
          failures.push(String((error as Error).cause ?? error));
        }
      }
    });
    for (let i = 0; i < 20; i++) {
      writeAtomically(join(dir, 'canary-route.yaml'), route('canary', `/canary${i % 2 ? '' : '-even'}`));
      await sleep(100);
    }
    await waitFor(async () => (await status('/canary')) === 200, 'the last route change to serve');
    stop = true;
    await Promise.all(loops);
    assert.deepEqual(failures, []);
    assert.ok(ok > 100, `only ${ok} requests completed`);
  } finally {
    await gw.stop();
    rmSync(join(dir, 'canary-route.yaml'), { force: true });
  }
});

test('a broken file leaves its last good version serving, and the error is reported', async () => {
  const gw = await startServe([dir]);
  try {
    writeAtomically(join(dir, 'extra-route.yaml'), route('extra', '/extra'));
    await waitFor(async () => (await status('/extra')) === 200, '/extra to serve');
    writeAtomically(join(dir, 'extra-route.yaml'), 'apiVersion: [unclosed\n');
    const diagnostics = await waitFor(async () => {
      const body = (await (await fetch(`http://${gw.admin}/diagnostics`)).json()) as { items: { message: string; file: string }[] };
      return body.items.find((d) => d.file.endsWith('extra-route.yaml') && d.message.length > 0);
    }, 'the syntax error to be reported');
    assert.ok(diagnostics);
    assert.equal(await status('/extra'), 200, 'the last good /extra route keeps serving');
    assert.equal(await status('/stable'), 200);
    // An invalid object (schema error) is rejected on its own; others keep serving.
    writeAtomically(join(dir, 'extra-route.yaml'), route('extra', 'no-slash'));
    await waitFor(async () => {
      const body = (await (await fetch(`http://${gw.admin}/diagnostics`)).json()) as { items: { message: string; field?: string }[] };
      return body.items.some((d) => d.field?.includes('path.value'));
    }, 'the invalid path to be reported');
    assert.equal(await status('/stable'), 200);
  } finally {
    await gw.stop();
    rmSync(join(dir, 'extra-route.yaml'), { force: true });
  }
});

test('SIGTERM drains: an in-flight request completes, then the process exits', async () => {
  const gw = await startServe([dir]);
  const slow = fetch(`http://127.0.0.1:${gatewayPort}/stable?delay=700`);
  await sleep(200);
  const exited = gw.stop('SIGTERM');
  const res = await slow;
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'backend /stable?delay=700');
  assert.equal(await exited, 0);
  await assert.rejects(fetch(`http://127.0.0.1:${gatewayPort}/stable`));
});
