/**
 * `node bench/profile.ts [--path /big] [--seconds 10]`: CPU profile of Switchyard under the
 * keep-alive wrk load of the bench (node --cpu-prof), then the top functions by self time and the
 * share of time by category (parsing, exchange, sockets/syscalls, GC, ...). The .cpuprofile is kept
 * under bench/results/ for Chrome DevTools.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startNginxBackend } from './lib/nginx.ts';
import { freePort } from './lib/procs.ts';
import { baseManifests, routeManifests, writeConfig } from './lib/switchyard-config.ts';
import { startSwitchyard } from './lib/switchyard.ts';
import { wrk } from './lib/wrk.ts';
import { CPU_LOAD, CPU_PROXY } from './scenarios/data-plane.ts';

const { values } = parseArgs({ options: { path: { type: 'string' }, seconds: { type: 'string' } } });
const work = mkdtempSync(join(os.tmpdir(), 'switchyard-profile-'));
chmodSync(work, 0o755);
const out = join(import.meta.dirname, 'results', 'profiles');
mkdirSync(out, { recursive: true });
const [a, b, port] = [await freePort(), await freePort(), await freePort()];
const backend = await startNginxBackend(work, [a, b], CPU_LOAD);
writeConfig(join(work, 'cfg'), { '00-base.yaml': baseManifests(port, a, b), '10-routes.yaml': routeManifests({ routes: 1 }) });
const before = new Set(readdirSync(out));
const sy = await startSwitchyard(join(work, 'cfg'), port, CPU_PROXY, 1, ['--cpu-prof', `--cpu-prof-dir=${out}`]);
const result = await wrk({ url: `http://127.0.0.1:${port}${values.path ?? '/'}`, seconds: Number(values.seconds ?? 10), connections: 50, headers: ['Host: bench.example'], cpu: CPU_LOAD });
await sy.stop();
await backend.stop();
console.log(`${result.rps.toFixed(0)} req/s during the profile`);

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number }
const file = readdirSync(out).find((f) => !before.has(f) && f.endsWith('.cpuprofile'))!;
const profile = JSON.parse(readFileSync(join(out, file), 'utf8')) as { nodes: Node[] };
const self = new Map<string, number>();
let total = 0;
for (const n of profile.nodes) {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = url === '' ? '' : ` ${url.replace(/^.*\/(src|node:)/, '$1').replace('file://', '')}:${lineNumber + 1}`;
  const key = `${functionName || '(anonymous)'}${where}`;
  self.set(key, (self.get(key) ?? 0) + n.hitCount);
  total += n.hitCount;
}
const top = [...self].sort((x, y) => y[1] - x[1]).slice(0, 25);
for (const [name, hits] of top) console.log(`${((100 * hits) / total).toFixed(1).padStart(5)}%  ${name}`);
const category = (name: string) =>
  name.startsWith('(idle)') ? 'idle' : name.startsWith('(garbage collector)') ? 'GC' : name.startsWith('(program)') ? 'native (syscalls, libuv)' :
  /writev|writeGeneric|writeBuffer|write(Latin1|Utf8|Ascii)String|Writable|_write|cork|uncork/.test(name) ? 'socket writes (incl. the write syscalls)' :
  /onStreamRead|Readable|readableAdd|emit|push/.test(name) ? 'socket reads/events' :
  /\/h1\/|head-parser|chunked|request\.ts|response\.ts/.test(name) ? 'HTTP/1.1 parse/serialise' :
  /exchange|forward-headers|request-head|path-normalize|routing|upstream/.test(name) ? 'exchange, routing, headers' : 'other';
const byCategory = new Map<string, number>();
for (const [name, hits] of self) byCategory.set(category(name), (byCategory.get(category(name)) ?? 0) + hits);
console.log('\nby category:');
for (const [c, hits] of [...byCategory].sort((x, y) => y[1] - x[1])) console.log(`${((100 * hits) / total).toFixed(1).padStart(5)}%  ${c}`);
console.log(`\nprofile: ${join(out, file)}`);
