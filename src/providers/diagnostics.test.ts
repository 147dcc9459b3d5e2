// docs/errors.md documents every diagnostic code, and documents nothing that does not exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTIC_CODES } from './diagnostics.ts';

const DOC = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'errors.md'), 'utf8');

test('docs/errors.md documents every diagnostic code with its severity', () => {
  for (const [code, severity] of Object.entries(DIAGNOSTIC_CODES)) {
    assert.match(DOC, new RegExp(`^\\| \`${code}\` \\| ${severity} \\|`, 'm'), `${code} is missing from docs/errors.md or has the wrong severity`);
  }
});

test('docs/errors.md documents no code that does not exist', () => {
  const documented = [...DOC.matchAll(/^\| `(SY_[A-Z_]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual(documented.filter((c) => !(c! in DIAGNOSTIC_CODES)), []);
});
