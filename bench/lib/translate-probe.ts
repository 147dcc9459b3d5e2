/**
 * Child process of the bench (run with --expose-gc): loads a config directory, translates it a few
 * times, and prints the median translation time and the heap the result holds, as one JSON line.
 */
import { CONTROLLER_NAME } from '../../src/api/index.ts';
import { loadManifests } from '../../src/providers/file/load.ts';
import { snapshotOf } from '../../src/store/index.ts';
import { translate } from '../../src/translator/index.ts';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const dir = process.argv[2]!;
const load = await loadManifests([dir]);
const snapshot = snapshotOf(load.objects.map((o) => o.object));
const options = { controllerName: CONTROLLER_NAME, defaultAddresses: ['127.0.0.1'], now: new Date().toISOString() };
const times: number[] = [];
let kept: unknown = null;
gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  kept = translate(snapshot, options);
  times.push(performance.now() - t);
}
gc();
const heap = process.memoryUsage().heapUsed - before;
times.sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({ objects: load.objects.length, translateMs: times[2], resultHeapMiB: heap / 1048576, kept: kept !== null })}\n`);
