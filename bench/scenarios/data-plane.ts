/**
 * Proxy scenarios: the same wrk load through nginx (reference) and Switchyard, both pinned to one
 * core (CPU_PROXY), with wrk and the backend on the other (CPU_LOAD). Rounds interleave the two
 * proxies; each result is the median over rounds. CPU is read from /proc for each proxy during
 * each run, so the ratio compares requests per CPU-second actually used.
 */
import { join } from 'node:path';
import { h2load } from '../lib/h2load.ts';
import { startNginxReference } from '../lib/nginx.ts';
import { cpuSeconds, freePort, median, runCapture, start, stop, waitForPort } from '../lib/procs.ts';
import { baseManifests, nginxRoutes, routeManifests, target, writeConfig, type RouteShape } from '../lib/switchyard-config.ts';
import { startSwitchyard } from '../lib/switchyard.ts';
import { makeCert, type BenchCert } from '../lib/tls.ts';
import { wrk, type WrkResult } from '../lib/wrk.ts';

export const CPU_PROXY = 0;
export const CPU_LOAD = 1;

export interface ProxyScenario {
  readonly name: string;
  readonly shape: RouteShape;
  readonly path?: string;
  readonly newConnections?: boolean;
  /** Load generator: wrk (HTTP/1.1, default), h2load (HTTP/2, h2c prior knowledge), ws (WebSocket echo client). */
  readonly load?: 'wrk' | 'h2load' | 'ws';
  /** HTTPS listener on both proxies, the same certificate. */
  readonly tls?: boolean;
  /** Multi-core: Switchyard `--workers N` vs nginx N workers, nothing pinned (all cores shared with the load). */
  readonly workers?: number;
}

export const PROXY_SCENARIOS: readonly ProxyScenario[] = [
  { name: 'small body, keep-alive', shape: { routes: 1 } },
  { name: '16 KiB body, keep-alive', shape: { routes: 1 }, path: '/big' },
  { name: 'small body, new connection per request', shape: { routes: 1 }, newConnections: true },
  { name: '100 routes (host/path mix, regex)', shape: { routes: 100 } },
  { name: '10,000 routes (host/path mix, regex)', shape: { routes: 10_000 } },
  { name: 'header-modifier filters', shape: { routes: 1, headerFilters: true } },
  { name: '90/10 weighted split', shape: { routes: 1, splitA: 90 } },
  { name: 'HTTPS, keep-alive', shape: { routes: 1 }, tls: true },
  { name: 'HTTPS, new connection per request (handshakes/s)', shape: { routes: 1 }, tls: true, newConnections: true },
  { name: 'HTTP/2 h2c, 50 conns × 10 streams (h2load)', shape: { routes: 1 }, load: 'h2load' },
  { name: 'WebSocket echo, 50 conns, 64 B messages (msg/s)', shape: { routes: 1 }, load: 'ws' },
  { name: 'small body, keep-alive, 2 workers vs nginx 2 workers, unpinned', shape: { routes: 1 }, workers: 2 },
];

/** WebSocket messages per round trip and connections of the ws scenario. */
const WS_CONNECTIONS = 50;
const WS_MESSAGE_BYTES = 64;

async function wsLoad(port: number, seconds: number, cpu: number | null): Promise<WrkResult> {
  const out = await runCapture(process.execPath, [join(import.meta.dirname, '..', 'lib', 'ws-client.ts'), String(port), String(WS_CONNECTIONS), String(seconds), String(WS_MESSAGE_BYTES)], cpu);
  const line = out.split('\n').find((l) => l.startsWith('{'));
  if (line === undefined) throw new Error(`ws client failed:\n${out}`);
  const r = JSON.parse(line) as { messages: number; rps: number; p50Ms: number; p99Ms: number; errors: number };
  return { rps: r.rps, p50Ms: r.p50Ms, p99Ms: r.p99Ms, requests: r.messages, errors: r.errors };
}

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'switchyard.js');

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
  const cert: BenchCert | undefined = s.tls ? makeCert(workDir) : undefined;
  // Multi-core: nothing pinned, the kernel spreads proxies and load over every core.
  const [cpuProxy, cpuLoad] = s.workers === undefined ? [CPU_PROXY, CPU_LOAD] : [null, null];
  // WebSocket: a Node echo backend (src/cli/echo.ts) on the load core instead of nginx.
  const wsEcho = s.load === 'ws' ? await freePort() : null;
  const echo = wsEcho === null ? null : start(process.execPath, [BIN, 'echo', '--listen', `127.0.0.1:${wsEcho}`], cpuLoad);
  if (wsEcho !== null) await waitForPort(wsEcho);
  const upstreamA = wsEcho ?? backends.a;
  writeConfig(dir, { '00-base.yaml': baseManifests(syPort, upstreamA, backends.b, cert), '10-routes.yaml': routeManifests(s.shape) });
  const extra = s.shape.headerFilters ? 'proxy_set_header X-Bench 1; proxy_set_header X-Remove ""; add_header X-Served-By nginx;' : '';
  const upstreams: [number, number][] = s.shape.splitA === undefined ? [[upstreamA, 1]] : [[upstreamA, s.shape.splitA], [backends.b, 100 - s.shape.splitA]];
  const nginx = await startNginxReference(workDir, {
    listen: nginxPort, upstreams, extra, routes: nginxRoutes(s.shape), websocket: s.load === 'ws', http2: s.load === 'h2load',
    ...(cert && { tls: cert }), ...(s.workers !== undefined && { workers: s.workers }),
  }, cpuProxy);
  const sy = await startSwitchyard(dir, syPort, cpuProxy, s.workers ?? 1);
  try {
    const { host, path } = target(s.shape);
    const headers = [`Host: ${host}`, ...(s.newConnections ? ['Connection: close'] : [])];
    // TLS: wrk sends SNI "localhost" (the certificate names it); the listener has no hostname.
    const url = (port: number) => `${s.tls ? 'https://localhost' : 'http://127.0.0.1'}:${port}${s.path ?? path}`;
    const run = (port: number, secs: number) =>
      s.load === 'h2load' ? h2load({ url: url(port), seconds: secs, connections: 50, streams: 10, cpu: cpuLoad }) :
      s.load === 'ws' ? wsLoad(port, secs, cpuLoad) :
      wrk({ url: url(port), seconds: secs, connections: 50, headers, cpu: cpuLoad });
    const load = (port: number) => () => run(port, seconds);
    // Warm-up: JIT and pools, not measured.
    await run(syPort, 1);
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
    if (echo !== null) await stop(echo);
  }
}
