import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseManifest, type RawObject } from './parse.ts';

function objects(text: string): readonly RawObject[] {
  const parsed = parseManifest(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
  return parsed.objects;
}

test('scalars read as Kubernetes reads them: YAML 1.1 booleans and octals, timestamps and base-60 as strings', () => {
  const [o] = objects('a: yes\nb: off\nc: 0644\nd: 2024-01-31T12:00:00Z\ne: 1:20\nf: "yes"\n');
  assert.deepEqual(o!.value, { a: true, b: false, c: 420, d: '2024-01-31T12:00:00Z', e: '1:20', f: 'yes' });
});

test('documents: empty ones are skipped, each object knows its start line and its fields\' lines', () => {
  const list = objects('---\n# comment\n---\nkind: A\nspec:\n  rules:\n    - name: x\n      value: 1\n---\nkind: B\n');
  assert.deepEqual(list.map((o) => o.line), [4, 10]);
  assert.equal(list[0]!.lineOf(['spec', 'rules', 0, 'value']), 8);
  assert.equal(list[0]!.lineOf(['spec', 'rules', 0, 'missing']), 7, 'an absent field: its nearest present ancestor');
  assert.equal(list[0]!.lineOf(['spec', 'rules', 5]), 6);
});

test('JSON, with tabs, parses too', () => {
  const [o] = objects('{\n\t"kind": "A",\n\t"spec": {\n\t\t"x": [1, 2]\n\t}\n}');
  assert.deepEqual(o!.value, { kind: 'A', spec: { x: [1, 2] } });
  assert.equal(o!.lineOf(['spec', 'x']), 4);
});

test('a syntax error anywhere fails the whole file, with its line', () => {
  const parsed = parseManifest('kind: A\n---\nkind: B\nspec: [\n');
  assert.equal(parsed.ok, false);
  assert.ok(!parsed.ok && parsed.line >= 4);
});

test('duplicate keys are a syntax error, as in kubectl', () => {
  const parsed = parseManifest('kind: A\nkind: B\n');
  assert.ok(!parsed.ok && /unique/.test(parsed.message) && parsed.line === 2);
});

test('an alias bomb is refused, not expanded', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) =>
    `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
  const parsed = parseManifest(bomb);
  assert.equal(parsed.ok, false);
});
