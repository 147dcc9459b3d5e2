/**
 * Proxy scenarios: the same wrk load through nginx (reference) and Switchyard, both pinned to one
 * core (CPU_PROXY), with wrk and the backend on the other (CPU_LOAD). Rounds interleave the two
 * proxies; each result is the median over rounds. CPU is read from /proc for each proxy during
 * each run, so the ratio compares requests per CPU-second actually used.
 */
import { join } from 'node:path';
import { startNginxReference } from '../lib/nginx.ts';
import { cpuSeconds, freePort, median } from '../lib/procs.ts';
import { baseManifests, nginxRoutes, routeManifests, target, writeConfig, type RouteShape } from '../lib/switchyard-config.ts';
import { startSwitchyard } from '../lib/switchyard.ts';
import { wrk, type WrkResult } from '../lib/wrk.ts';

export const CPU_PROXY = 0;
export const CPU_LOAD = 1;

export interface ProxyScenario {
  readonly name: string;
  readonly shape: RouteShape;
  readonly path?: string;
  readonly newConnections?: boolean;
}

export const PROXY_SCENARIOS: readonly ProxyScenario[] = [
  { name: 'small body, keep-alive', shape: { routes: 1 } },
  { name: '16 KiB body, keep-alive', shape: { routes: 1 }, path: '/big' },
  { name: 'small body, new connection per request', shape: { routes: 1 }, newConnections: true },
  { name: '100 routes (host/path mix, regex)', shape: { routes: 100 } },
  { name: '10,000 routes (host/path mix, regex)', shape: { routes: 10_000 } },
  { name: 'header-modifier filters', shape: { routes: 1, headerFilters: true } },
  { name: '90/10 weighted split', shape: { routes: 1, splitA: 90 } },
  // Slots for later: HTTPS (TLS listeners), HTTP/2 (h2load), WebSocket echo.
];

export interface ProxyRun extends WrkResult {
  readonly cpu: number;
  /** Requests per CPU-second of the proxy. */
  readonly rpsPerCore: number;
}

export interface ProxyResult {
  readonly scenario: string;
  readonly nginx: ProxyRun;
  readonly switchyard: ProxyRun;
  /** switchyard.rpsPerCore / nginx.rpsPerCore */
  readonly ratioPerCore: number;
  readonly p99Ratio: number;
}

export interface Backends {
  readonly a: number;
  readonly b: number;
}

async function measure(pid: number, run: () => Promise<WrkResult>): Promise<ProxyRun> {
  const before = cpuSeconds(pid);
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  const cpu = (cpuSeconds(pid) - before) / seconds;
  return { ...result, cpu, rpsPerCore: result.rps / Math.max(cpu, 0.01) };
}

function medianRun(runs: readonly ProxyRun[]): ProxyRun {
  const m = (k: keyof ProxyRun) => median(runs.map((r) => r[k]));
  return { rps: m('rps'), p50Ms: m('p50Ms'), p99Ms: m('p99Ms'), requests: m('requests'), errors: runs.reduce((a, r) => a + r.errors, 0), cpu: m('cpu'), rpsPerCore: m('rpsPerCore') };
}

export async function runProxyScenario(s: ProxyScenario, backends: Backends, workDir: string, rounds: number, seconds: number): Promise<ProxyResult> {
  const [nginxPort, syPort] = [await freePort(), await freePort()];
  const dir = join(workDir, 'switchyard-config');
  writeConfig(dir, { '00-base.yaml': baseManifests(syPort, backends.a, backends.b), '10-routes.yaml': routeManifests(s.shape) });
  const extra = s.shape.headerFilters ? 'proxy_set_header X-Bench 1; proxy_set_header X-Remove ""; add_header X-Served-By nginx;' : '';
  const upstreams: [number, number][] = s.shape.splitA === undefined ? [[backends.a, 1]] : [[backends.a, s.shape.splitA], [backends.b, 100 - s.shape.splitA]];
  const nginx = await startNginxReference(workDir, { listen: nginxPort, upstreams, extra, routes: nginxRoutes(s.shape) }, CPU_PROXY);
  const sy = await startSwitchyard(dir, syPort, CPU_PROXY);
  try {
    const { host, path } = target(s.shape);
    const headers = [`Host: ${host}`, ...(s.newConnections ? ['Connection: close'] : [])];
    const load = (port: number) => () => wrk({ url: `http://127.0.0.1:${port}${s.path ?? path}`, seconds, connections: 50, headers, cpu: CPU_LOAD });
    // Warm-up: JIT and pools, not measured.
    await wrk({ url: `http://127.0.0.1:${syPort}${s.path ?? path}`, seconds: 1, connections: 50, headers, cpu: CPU_LOAD });
    const runs: { nginx: ProxyRun[]; sy: ProxyRun[] } = { nginx: [], sy: [] };
    for (let r = 0; r < rounds; r++) {
      // Alternate which proxy goes first so drift (thermal, page cache) does not favour one.
      const order = r % 2 === 0 ? ['nginx', 'sy'] as const : ['sy', 'nginx'] as const;
      for (const which of order) {
        runs[which].push(await measure(which === 'nginx' ? nginx.child.pid! : sy.child.pid!, load(which === 'nginx' ? nginxPort : syPort)));
      }
    }
    const n = medianRun(runs.nginx);
    const y = medianRun(runs.sy);
    return { scenario: s.name, nginx: n, switchyard: y, ratioPerCore: y.rpsPerCore / n.rpsPerCore, p99Ratio: y.p99Ms / n.p99Ms };
  } finally {
    await sy.stop();
    await nginx.stop();
  }
}
