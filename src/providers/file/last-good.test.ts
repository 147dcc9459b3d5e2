import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Discovery } from './discover.ts';
import { withLastGood } from './last-good.ts';
import { assemble, loadText, type FileLoad } from './load.ts';

const service = (name: string, port: number | string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: {ports: [{port: ${port}}]}\n`;
const discovery = (failed: Discovery['failed'] = []): Discovery => ({ files: [], failed, directories: [] });
const byPath = (files: FileLoad[]) => new Map(files.map((f) => [f.path, f]));
const served = (files: FileLoad[]) => assemble(files).objects.map((o) => `${o.object.metadata.name}:${(o.object.spec as { ports: { port: number }[] }).ports[0]!.port}`);

test('a file that no longer parses keeps serving its last objects, with the error and a warning', () => {
  const before = [loadText('a.yaml', service('a', 80) + '---\n' + service('b', 81)), loadText('c.yaml', service('c', 82))];
  const now = [loadText('a.yaml', service('a', 80) + '---\napiVersion: v1\nkind: [oops'), loadText('c.yaml', service('c', 83))];
  const merged = withLastGood(now, discovery(), byPath(before));
  assert.deepEqual(served(merged), ['a:80', 'b:81', 'c:83']);
  const result = assemble(merged);
  assert.deepEqual(result.errors.map((d) => d.code), ['SY_ERR_CONFIG_SYNTAX']);
  assert.deepEqual(result.warnings.map((d) => [d.code, d.file]), [['SY_WARN_CONFIG_LAST_GOOD', 'a.yaml']]);
  assert.deepEqual(result.files.map((f) => [f.path, f.status, f.lastGood]), [['a.yaml', 'failed', true], ['c.yaml', 'loaded', false]]);
});

test('an object that became invalid keeps its previous version; its valid neighbours update', () => {
  const before = [loadText('a.yaml', service('a', 80) + '---\n' + service('b', 81))];
  const now = [loadText('a.yaml', service('a', 'eighty') + '---\n' + service('b', 91))];
  const merged = withLastGood(now, discovery(), byPath(before));
  assert.deepEqual(served(merged), ['b:91', 'a:80']);
  assert.match(assemble(merged).warnings[0]!.message, /serving the last good version \(from a\.yaml:1\) until this object is fixed/);
});

test('a new invalid object has no last good version', () => {
  const merged = withLastGood([loadText('a.yaml', service('new', 0))], discovery(), new Map());
  assert.deepEqual(served(merged), []);
});

test('last good survives several failed loads in a row (the merged result is the next previous)', () => {
  let previous = byPath([loadText('a.yaml', service('a', 80))]);
  for (let i = 0; i < 3; i++) {
    const merged = withLastGood([loadText('a.yaml', 'kind: [')], discovery(), previous);
    previous = byPath(merged);
    assert.deepEqual(served(merged), ['a:80']);
  }
});

test('a file deleted from a directory that still lists: its objects go', () => {
  const merged = withLastGood([], discovery(), byPath([loadText('/conf/a.yaml', service('a', 80))]));
  assert.deepEqual(served(merged), []);
});

test('a configured directory that vanished: the objects of its files are kept', () => {
  const previous = byPath([loadText('/conf/a.yaml', service('a', 80)), loadText('/other/b.yaml', service('b', 81))]);
  const merged = withLastGood([], discovery([{ path: '/conf', message: 'no such file or directory' }]), previous);
  assert.deepEqual(served(merged), ['a:80']);
  assert.match(assemble(merged).warnings[0]!.message, /\/conf cannot be read \(no such file or directory\); serving the 1 object\(s\) last loaded from this file/);
});

test('an object moved to another file while invalid there is not served twice', () => {
  const before = [loadText('a.yaml', service('a', 80))];
  const now = [loadText('a.yaml', ''), loadText('b.yaml', service('a', 'bad'))];
  assert.deepEqual(served(withLastGood(now, discovery(), byPath(before))), ['a:80']);
});
