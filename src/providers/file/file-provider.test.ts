/** The file provider against a real file system and real fs events, each wait bounded. */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConfigUpdate } from '../provider.ts';
import { FileProvider } from './file-provider.ts';
import type { LoadResult } from './load.ts';

const root = await realpath(await mkdtemp(join(tmpdir(), 'sy-provider-')));
after(() => rm(root, { recursive: true, force: true }));

const service = (name: string, port: number) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: {ports: [{port: ${port}}]}\n`;
const ports = (load: ConfigUpdate) => load.objects.map((o) => `${o.object.metadata.name}:${(o.object.spec as { ports: { port: number }[] }).ports[0]!.port}`).sort().join(',');

/** A started provider and a way to wait for a delivered load that satisfies a condition. */
async function started(paths: string[]) {
  const loads: LoadResult[] = [];
  const waiters: { check: (l: LoadResult) => boolean; resolve: (l: LoadResult) => void }[] = [];
  const provider = new FileProvider(paths, {
    debounceMs: 30,
    onLoad: (load) => {
      loads.push(load);
      for (const w of [...waiters]) if (w.check(load)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(load); }
    },
  });
  const controller = new AbortController();
  const sinkLoads: ConfigUpdate[] = [];
  await provider.start((u) => sinkLoads.push(u), controller.signal);
  const until = (check: (l: LoadResult) => boolean, what: string, ms = 4000) => new Promise<LoadResult>((resolve, reject) => {
    const last = loads.at(-1);
    if (last && check(last)) return resolve(last);
    const timer = setTimeout(() => reject(new Error(`timed out waiting for: ${what}; last load: ${last && ports(last)}`)), ms);
    waiters.push({ check, resolve: (l) => { clearTimeout(timer); resolve(l); } });
  });
  return { provider, loads, sinkLoads, until, stop: () => controller.abort() };
}

test('delivers the first load from start(), to the sink and to onLoad', async () => {
  const dir = join(root, 'first');
  await mkdir(dir);
  await writeFile(join(dir, 'a.yaml'), service('a', 80));
  const p = await started([dir]);
  assert.equal(ports(p.loads[0]!), 'a:80');
  assert.equal(p.sinkLoads.length, 1);
  p.stop();
});

test('picks up new, changed and deleted files', async () => {
  const dir = join(root, 'edits');
  await mkdir(dir);
  const p = await started([dir]);
  await writeFile(join(dir, 'a.yaml'), service('a', 80));
  await p.until((l) => ports(l) === 'a:80', 'a new file');
  await writeFile(join(dir, 'a.yaml'), service('a', 81));
  const changed = await p.until((l) => ports(l) === 'a:81', 'an in-place change');
  assert.equal(changed.objects[0]!.object.metadata.generation, 2, 'generation bumps when the content changes');
  await rm(join(dir, 'a.yaml'));
  await p.until((l) => ports(l) === '', 'a deletion');
  p.stop();
});

test('editor-style atomic save: write a temporary file, rename it over the original', async () => {
  const dir = join(root, 'atomic');
  await mkdir(dir);
  await writeFile(join(dir, 'a.yaml'), service('a', 80));
  const p = await started([dir]);
  await writeFile(join(dir, '.a.yaml.tmp'), service('a', 90));
  await rename(join(dir, '.a.yaml.tmp'), join(dir, 'a.yaml'));
  await p.until((l) => ports(l) === 'a:90', 'the renamed file');
  p.stop();
});

test('a half-written file keeps its last good objects and reports the error; completing it applies it', async () => {
  const dir = join(root, 'partial');
  await mkdir(dir);
  await writeFile(join(dir, 'a.yaml'), service('a', 80) + '---\n' + service('b', 81));
  await writeFile(join(dir, 'c.yaml'), service('c', 82));
  const p = await started([dir]);
  await writeFile(join(dir, 'a.yaml'), service('a', 80) + '---\napiVersion: v1\nkind: Service\nmetadata: {name: b');
  const broken = await p.until((l) => l.errors.length > 0, 'the syntax error');
  assert.equal(ports(broken), 'a:80,b:81,c:82');
  assert.deepEqual(broken.errors.map((e) => e.code), ['SY_ERR_CONFIG_SYNTAX']);
  assert.deepEqual(broken.warnings.map((e) => e.code), ['SY_WARN_CONFIG_LAST_GOOD']);
  await writeFile(join(dir, 'a.yaml'), service('a', 80) + '---\n' + service('b', 91));
  const fixed = await p.until((l) => l.errors.length === 0, 'the fix');
  assert.equal(ports(fixed), 'a:80,b:91,c:82');
  p.stop();
});

test('a ConfigMap-style update: new timestamped directory, ..data symlink swapped by rename', async () => {
  const dir = join(root, 'configmap');
  await mkdir(join(dir, '..v1'), { recursive: true });
  await writeFile(join(dir, '..v1', 'a.yaml'), service('a', 80));
  await symlink('..v1', join(dir, '..data'));
  await symlink('..data/a.yaml', join(dir, 'a.yaml'));
  const p = await started([dir]);
  assert.equal(ports(p.loads.at(-1)!), 'a:80');
  await mkdir(join(dir, '..v2'));
  await writeFile(join(dir, '..v2', 'a.yaml'), service('a', 81));
  await symlink('..v2', join(dir, '..data_tmp'));
  await rename(join(dir, '..data_tmp'), join(dir, '..data'));
  await rm(join(dir, '..v1'), { recursive: true });
  const swapped = await p.until((l) => ports(l) === 'a:81', 'the swapped data');
  assert.equal(swapped.errors.length, 0);
  assert.equal(swapped.objects[0]!.source.file, join(dir, 'a.yaml'));
  p.stop();
});

test('a configured directory removed and re-created: last good in between, then the new content', async () => {
  const parent = join(root, 'recreate');
  const dir = join(parent, 'conf');
  await mkdir(join(dir, 'sub'), { recursive: true });
  await writeFile(join(dir, 'sub', 'a.yaml'), service('a', 80));
  const p = await started([dir]);
  await rm(dir, { recursive: true });
  const gone = await p.until((l) => l.errors.some((e) => e.code === 'SY_ERR_CONFIG_PATH'), 'the missing directory');
  assert.equal(ports(gone), 'a:80', 'objects from the vanished directory are kept');
  await mkdir(join(dir, 'sub'), { recursive: true });
  await writeFile(join(dir, 'sub', 'a.yaml'), service('a', 81));
  await p.until((l) => ports(l) === 'a:81' && l.errors.length === 0, 'the re-created directory');
  // The new subdirectory is watched too.
  await writeFile(join(dir, 'sub', 'b.yaml'), service('b', 82));
  await p.until((l) => ports(l) === 'a:81,b:82', 'a file in the re-created subdirectory');
  p.stop();
});

test('a burst of writes is coalesced into few loads, ending on the latest content', async () => {
  const dir = join(root, 'burst');
  await mkdir(dir);
  const p = await started([dir]);
  const before = p.loads.length;
  for (let i = 0; i < 20; i++) await writeFile(join(dir, `f${i % 4}.yaml`), service(`s${i % 4}`, 1000 + i));
  await p.until((l) => ports(l) === 's0:1016,s1:1017,s2:1018,s3:1019', 'the last writes');
  await sleep(150);
  assert.ok(p.loads.length - before <= 4, `${p.loads.length - before} loads for one burst`);
  p.stop();
});

test('reload() delivers even when nothing changed; unchanged event-driven loads are not delivered', async () => {
  const dir = join(root, 'reload');
  await mkdir(dir);
  await writeFile(join(dir, 'a.yaml'), service('a', 80));
  const p = await started([dir]);
  await sleep(150); // let the initial verification load settle
  const count = p.loads.length;
  await writeFile(join(dir, 'notes.txt'), 'not a manifest');
  await sleep(200);
  assert.equal(p.loads.length, count, 'an irrelevant change delivers nothing');
  const result = await p.provider.reload();
  assert.equal(p.loads.length, count + 1);
  assert.equal(ports(result), 'a:80');
  p.stop();
});

test('close() stops watching: later changes are not delivered', async () => {
  const dir = join(root, 'closed');
  await mkdir(dir);
  const p = await started([dir]);
  await p.provider.close();
  const count = p.loads.length;
  await writeFile(join(dir, 'a.yaml'), service('a', 80));
  await sleep(200);
  assert.equal(p.loads.length, count);
});
