/**
 * `npm run bench [-- --quick] [-- --only TEXT] [-- --no-control-plane]`: the Switchyard benchmark.
 *
 * Starts everything itself on loopback: a fast backend (nginx; a Node fallback with a warning),
 * nginx as the reference proxy, Switchyard through its real CLI with a generated configuration.
 * Proxies are pinned to core 0 with taskset, wrk and the backend to core 1. Prints a table and
 * writes JSON under bench/results/ (gitignored). Bounded in time: about 15 minutes in full,
 * about 2 with --quick.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { H2LOAD_INSTALL_HINT } from './lib/h2load.ts';
import { NGINX_INSTALL_HINT, startNginxBackend } from './lib/nginx.ts';
import { startNodeBackend } from './lib/node-backend.ts';
import { freePort, has } from './lib/procs.ts';
import { formatControlPlane, formatProxyTable } from './lib/table.ts';
import { runControlPlane, type ControlPlaneResult } from './scenarios/control-plane.ts';
import { CPU_LOAD, PROXY_SCENARIOS, runProxyScenario, type ProxyResult } from './scenarios/data-plane.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, 'no-control-plane': { type: 'boolean' } } });
const quick = values.quick === true;
const rounds = quick ? 2 : 5;
const seconds = quick ? 3 : 10;

for (const tool of ['wrk', 'nginx']) {
  if (!has(tool)) {
    if (tool === 'wrk') {
      console.error(`wrk is required. Install it with: ${NGINX_INSTALL_HINT}`);
      process.exit(2);
    }
    console.error(`WARNING: nginx is not installed, so there is no reference proxy and the backend falls back to Node (slower, so every number is lower).\n  Install: ${NGINX_INSTALL_HINT}`);
  }
}
if (!has('taskset')) console.error('WARNING: taskset not found (util-linux): proxies are not pinned; per-core ratios still use measured CPU.');
if (os.availableParallelism() < 2) console.error('WARNING: fewer than 2 cores: load generator and proxy share a core.');

const work = mkdtempSync(join(os.tmpdir(), 'switchyard-bench-'));
// nginx workers run as an unprivileged user when started as root: they must be able to read the files.
chmodSync(work, 0o755);
const backends = { a: await freePort(), b: await freePort() };
const backend = has('nginx') ? await startNginxBackend(work, [backends.a, backends.b], CPU_LOAD) : await startNodeBackend([backends.a, backends.b], CPU_LOAD);

const proxy: ProxyResult[] = [];
let control: ControlPlaneResult | null = null;
try {
  const scenarios = PROXY_SCENARIOS.filter((s) => values.only === undefined || s.name.includes(values.only));
  if (has('nginx')) {
    const runnable = scenarios.filter((x) => {
      if (x.load === 'h2load' && !has('h2load')) {
        console.error(`WARNING: h2load not found, skipping "${x.name}". Install: ${H2LOAD_INSTALL_HINT}`);
        return false;
      }
      return !quick || x.shape.routes <= 100;
    });
    for (const s of runnable) {
      process.stderr.write(`• ${s.name} ...\n`);
      proxy.push(await runProxyScenario(s, backends, work, rounds, seconds));
    }
  }
  if (values['no-control-plane'] !== true && (values.only === undefined || 'control plane'.includes(values.only))) {
    process.stderr.write('• control plane ...\n');
    // A failure here must not throw away the proxy results measured before it.
    control = await runControlPlane(backends, work, quick).catch((err: Error) => {
      process.stderr.write(`control-plane scenarios failed: ${err.message}\n`);
      return null;
    });
  }
} finally {
  await backend.stop();
  rmSync(work, { recursive: true, force: true });
}

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.availableParallelism(), memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  kernel: os.release(), node: process.version, nginx: has('nginx') ? spawnSync('nginx', ['-v'], { encoding: 'utf8' }).stderr.trim() : null,
  wrk: 'wrk -t1 -c50 keep-alive', rounds, seconds,
};
console.log(`\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Linux ${machine.kernel}, Node ${machine.node}, ${machine.nginx ?? 'no nginx'}`);
console.log(`Proxies pinned to core 0, wrk and backend to core 1; ${rounds} interleaved rounds of ${seconds} s, medians.\n`);
if (proxy.length > 0) console.log(formatProxyTable(proxy));
if (control !== null) console.log(`\n${formatControlPlane(control)}`);

const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${new Date().toISOString().replaceAll(':', '-')}${quick ? '-quick' : ''}.json`);
const json = JSON.stringify({ machine, proxy, control }, null, 2);
writeFileSync(file, json);
writeFileSync(join(dir, 'latest.json'), json);
console.log(`\nResults: ${file}`);
