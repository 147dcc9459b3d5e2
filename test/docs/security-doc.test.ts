// docs/security.md names a test for every default, limit and refusal as `file` "part of its name":
// each file must exist and contain that text, so renaming or deleting a test fails here until the
// page follows.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const REPO = join(import.meta.dirname, '..', '..');
const DOC = readFileSync(join(REPO, 'docs', 'security.md'), 'utf8');
const REFERENCE = /`([^`\s]+\/[^`\s]+)` "((?:[^"\\]|\\.)*)"/g;
const references = [...DOC.matchAll(REFERENCE)].map(([, file, name]) => ({ file: file!, name: name! }));

test('docs/security.md names tests', () => {
  assert.ok(references.length > 60, `only ${references.length} test references found`);
});

test('every test docs/security.md names exists', () => {
  const missing: string[] = [];
  for (const { file, name } of references) {
    const path = join(REPO, file);
    if (!existsSync(path)) missing.push(`${file}: no such file`);
    else if (!readFileSync(path, 'utf8').includes(name)) missing.push(`${file}: no test named like "${name}"`);
  }
  assert.deepEqual(missing, []);
});
