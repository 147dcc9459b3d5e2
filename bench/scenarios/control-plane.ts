/**
 * Control-plane scenarios against a running `switchyard serve`: time from a file change to the new
 * route serving, failed requests while routes change under load, translation time and heap by
 * route count, and memory after growing to many routes and shrinking back.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { sampleMemory, type MemorySample } from '../lib/inspect-memory.ts';
import { freePort, percentile, sleep } from '../lib/procs.ts';
import { baseManifests, routeManifests, writeConfig } from '../lib/switchyard-config.ts';
import { startSwitchyard } from '../lib/switchyard.ts';
import { wrk } from '../lib/wrk.ts';
import { CPU_LOAD, CPU_PROXY, type Backends } from './data-plane.ts';

export interface ControlPlaneResult {
  readonly reload: { readonly changes: number; readonly p50Ms: number; readonly p99Ms: number };
  readonly underLoad: { readonly changes: number; readonly requests: number; readonly failed: number };
  readonly translation: readonly { readonly routes: number; readonly translateMs: number; readonly resultHeapMiB: number }[];
  /** Time from writing a file with `routes` new HTTPRoutes to all of them Accepted in the admin API. */
  readonly accepted: { readonly routes: number; readonly ms: number };
  /** One process (controller + in-process data plane), heap after a full GC and RSS, via the inspector. */
  readonly memory: { readonly start: MemorySample; readonly grown: MemorySample; readonly shrunk: MemorySample; readonly routes: number };
}

const HTTPROUTES = '/apis/gateway.networking.k8s.io/v1/namespaces/bench/httproutes';

/** `n` single-rule HTTPRoutes, each its own hostname. */
const acceptRoutes = (n: number) => Array.from({ length: n }, (_, i) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: acc-${i}, namespace: bench }
spec:
  parentRefs: [{ name: gw }]
  hostnames: [acc-${i}.example]
  rules: [{ matches: [{ path: { type: PathPrefix, value: /acc } }], backendRefs: [{ name: svc-a, port: 80 }] }]
`).join('---\n');

interface RouteStatus { metadata: { name: string }; status?: { parents?: { conditions?: { type: string; status: string }[] }[] } }
const accepted = (r: RouteStatus) => r.status?.parents?.some((p) => p.conditions?.some((c) => c.type === 'Accepted' && c.status === 'True')) === true;

async function allAccepted(admin: string, n: number, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  // Status is published for all routes of one translation at once: poll the last route cheaply,
  // then check the whole list once.
  for (;;) {
    const last = await fetch(`http://${admin}${HTTPROUTES}/acc-${n - 1}`).then((r) => r.ok ? r.json() as Promise<RouteStatus> : null, () => null);
    if (last !== null && accepted(last)) {
      const list = await fetch(`http://${admin}${HTTPROUTES}`).then((r) => r.json() as Promise<{ items: RouteStatus[] }>);
      if (list.items.filter((r) => r.metadata.name.startsWith('acc-') && accepted(r)).length === n) return;
    }
    if (performance.now() > deadline) throw new Error(`${n} routes not all Accepted within ${timeoutMs} ms`);
    await sleep(5);
  }
}

function status(port: number, host: string, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers: { host }, agent: false }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', () => resolve(0));
  });
}

async function until(port: number, host: string, path: string, want: number, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while ((await status(port, host, path)) !== want) {
    if (performance.now() > deadline) throw new Error(`${host}${path} did not answer ${want}`);
    await sleep(1);
  }
}

const changeRoute = (i: number) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: change, namespace: bench }
spec:
  parentRefs: [{ name: gw }]
  hostnames: [change.example]
  rules: [{ matches: [{ path: { type: Exact, value: /cp-${i} } }], backendRefs: [{ name: svc-a, port: 80 }] }]
`;

export async function runControlPlane(backends: Backends, workDir: string, quick: boolean): Promise<ControlPlaneResult> {
  const port = await freePort();
  const dir = join(workDir, 'cp-config');
  writeConfig(dir, { '00-base.yaml': baseManifests(port, backends.a, backends.b), '10-routes.yaml': routeManifests({ routes: 1 }), '20-change.yaml': changeRoute(0) });
  const sy = await startSwitchyard(dir, port, CPU_PROXY, 1, ['--inspect=127.0.0.1:0']);
  if (sy.inspector === undefined) throw new Error('no inspector URL in the serve log');
  const inspector = sy.inspector;
  try {
    // 1. File change → new route serving.
    const changes = quick ? 15 : 50;
    const latencies: number[] = [];
    await until(port, 'change.example', '/cp-0', 200);
    for (let i = 1; i <= changes; i++) {
      const t = performance.now();
      writeFileSync(join(dir, '20-change.yaml'), changeRoute(i));
      await until(port, 'change.example', `/cp-${i}`, 200);
      latencies.push(performance.now() - t);
    }
    // 2. 100 route changes under keep-alive load on a stable route: every request must succeed.
    const loadChanges = quick ? 30 : 100;
    const paceMs = 80;
    const load = wrk({ url: `http://127.0.0.1:${port}/`, seconds: Math.ceil((loadChanges * paceMs) / 1000) + 2, connections: 50, headers: ['Host: bench.example'], cpu: CPU_LOAD });
    await sleep(500);
    for (let i = 0; i < loadChanges; i++) {
      writeFileSync(join(dir, '20-change.yaml'), changeRoute(1000 + i));
      await sleep(paceMs);
    }
    const loaded = await load;
    // 3. 1,000 new HTTPRoutes in one file → all Accepted in the admin API; then removed again.
    const acceptN = 1_000;
    const acceptFile = join(dir, '30-accept.yaml');
    const t0 = performance.now();
    writeFileSync(acceptFile, acceptRoutes(acceptN));
    await allAccepted(sy.admin, acceptN);
    const acceptMs = performance.now() - t0;
    rmSync(acceptFile);
    writeFileSync(join(dir, '20-change.yaml'), changeRoute(9_000_000));
    await until(port, 'change.example', '/cp-9000000', 200, 120_000);
    // 4. Memory: grow to many routes, shrink back (heap after a full GC and RSS, through the inspector).
    const many = quick ? 2_000 : 10_000;
    // The catch-all route answers every host, so each step is confirmed by a marker route written
    // after the routes file: once the marker serves, the load that carried both is applied.
    const start = await sampleMemory(inspector);
    writeFileSync(join(dir, '10-routes.yaml'), routeManifests({ routes: many }));
    writeFileSync(join(dir, '20-change.yaml'), changeRoute(9_000_001));
    await until(port, 'change.example', '/cp-9000001', 200, 120_000);
    await sleep(1_000);
    const grown = await sampleMemory(inspector);
    writeFileSync(join(dir, '10-routes.yaml'), routeManifests({ routes: 1 }));
    writeFileSync(join(dir, '20-change.yaml'), changeRoute(9_000_002));
    await until(port, 'change.example', '/cp-9000002', 200, 120_000);
    await sleep(3_000);
    const shrunk = await sampleMemory(inspector);
    return {
      reload: { changes, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) },
      underLoad: { changes: loadChanges, requests: loaded.requests, failed: loaded.errors },
      translation: translation(workDir, backends, quick ? [1_000] : [1_000, 10_000]),
      accepted: { routes: acceptN, ms: acceptMs },
      memory: { start, grown, shrunk, routes: many },
    };
  } finally {
    await sy.stop();
  }
}

/** 3. Translation time and the heap its result holds, in a fresh process per size. */
function translation(workDir: string, backends: Backends, sizes: readonly number[]): ControlPlaneResult['translation'] {
  return sizes.map((routes) => {
    const dir = join(workDir, `translate-${routes}`);
    writeConfig(dir, { '00-base.yaml': baseManifests(1, backends.a, backends.b), '10-routes.yaml': routeManifests({ routes }) });
    const probe = join(import.meta.dirname, '..', 'lib', 'translate-probe.ts');
    const out = spawnSync(process.execPath, ['--expose-gc', probe, dir], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`translate probe failed: ${out.stderr}`);
    const r = JSON.parse(out.stdout) as { translateMs: number; resultHeapMiB: number };
    return { routes, translateMs: r.translateMs, resultHeapMiB: r.resultHeapMiB };
  });
}
