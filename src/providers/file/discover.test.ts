import assert from 'node:assert/strict';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { discoverFiles } from './discover.ts';

const root = await realpath(await mkdtemp(join(tmpdir(), 'sy-discover-')));
after(() => rm(root, { recursive: true, force: true }));

async function tree(base: string, files: Record<string, string>): Promise<string> {
  await mkdir(base, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(base, path, '..'), { recursive: true });
    await writeFile(join(base, path), content);
  }
  return base;
}

test('directories: recursive, sorted by code unit, manifest extensions only, hidden entries skipped', async () => {
  const dir = await tree(join(root, 'plain'), {
    'b.yaml': '', 'a.yml': '', 'C.json': '', 'sub/z.yaml': '', 'notes.txt': '', '.hidden.yaml': '', '.git/config.yaml': '', 'UPPER.YAML': '',
  });
  const found = await discoverFiles([dir]);
  assert.deepEqual(found.files.map((f) => f.slice(dir.length + 1)), ['C.json', 'UPPER.YAML', 'a.yml', 'b.yaml', 'sub/z.yaml']);
  assert.deepEqual(found.failed, []);
  assert.deepEqual(new Set(found.directories), new Set([root, dir, join(dir, 'sub')]));
});

test('a configured file is read whatever its extension', async () => {
  const dir = await tree(join(root, 'explicit'), { 'config.txt': '' });
  assert.deepEqual((await discoverFiles([join(dir, 'config.txt')])).files, [join(dir, 'config.txt')]);
});

test('a ConfigMap volume: files read once, through their user-facing names', async () => {
  // The kubelet's layout: ..2024_x/ holds the data, ..data -> ..2024_x, each key -> ..data/key.
  const dir = join(root, 'configmap');
  await tree(dir, { '..2024_01_31_12_00_00.123/gateway.yaml': '', '..2024_01_31_12_00_00.123/routes.yaml': '' });
  await symlink('..2024_01_31_12_00_00.123', join(dir, '..data'));
  await symlink('..data/gateway.yaml', join(dir, 'gateway.yaml'));
  await symlink('..data/routes.yaml', join(dir, 'routes.yaml'));
  const found = await discoverFiles([dir]);
  assert.deepEqual(found.files, [join(dir, 'gateway.yaml'), join(dir, 'routes.yaml')]);
  assert.ok(found.directories.includes(join(dir, '..2024_01_31_12_00_00.123')), 'the real data directory is watched');
});

test('the ..data view alone is enough (no top-level links)', async () => {
  const dir = join(root, 'configmap-data-only');
  await tree(dir, { '..2024_x/a.yaml': '' });
  await symlink('..2024_x', join(dir, '..data'));
  assert.deepEqual((await discoverFiles([dir])).files, [join(dir, '..data', 'a.yaml')]);
});

test('symlinked directories are followed; cycles and files reached twice are cut', async () => {
  const dir = await tree(join(root, 'links'), { 'real/a.yaml': '' });
  await symlink('real', join(dir, 'alias'));
  await symlink('..', join(dir, 'real', 'loop'));
  const found = await discoverFiles([dir, join(dir, 'real', 'a.yaml')]);
  assert.deepEqual(found.files, [join(dir, 'alias', 'a.yaml')]);
});

test('missing paths are reported, and their parent is still watched', async () => {
  const found = await discoverFiles([join(root, 'nope')]);
  assert.deepEqual(found.files, []);
  assert.deepEqual(found.failed, [{ path: join(root, 'nope'), message: 'no such file or directory' }]);
  assert.deepEqual(found.directories, [root]);
});

test('a dangling symlink with a manifest name is kept, so that reading it reports the problem', async () => {
  const dir = await tree(join(root, 'dangling'), {});
  await symlink('gone.yaml', join(dir, 'a.yaml'));
  assert.deepEqual((await discoverFiles([dir])).files, [join(dir, 'a.yaml')]);
});
