// The generated artifacts must match the conformance table and the scenario registry: the README
// section and the supported-features module are generated (npm run conformance:table), never edited.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FEATURES } from '../../../src/conformance/features.ts';
import { supportedFeaturesStatus } from '../../../src/translator/supported-features.ts';
import { REPO } from '../../helpers/switchyard.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { renderReadmeTable, renderSupportedModule, statuses, SUPPORTED_MODULE, withReadmeTable } from './render.ts';

const STALE = 'stale: run `npm run conformance:table`';

test('README.md conformance table is up to date', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  assert.equal(readme, withReadmeTable(readme, renderReadmeTable(statuses())), STALE);
});

test(`${SUPPORTED_MODULE} is up to date`, () => {
  assert.equal(readFileSync(join(REPO, SUPPORTED_MODULE), 'utf8'), renderSupportedModule(statuses()), STALE);
});

test('status.supportedFeatures publishes exactly the supported features, sorted', () => {
  const expected = statuses().filter((s) => s.supported).map((s) => s.feature.name).sort();
  assert.deepEqual(supportedFeaturesStatus().map((f) => f.name), expected);
});

test('every scenario names known features and a unique upstream test', () => {
  const known = new Set(FEATURES.map((f) => f.name));
  for (const s of SCENARIOS) for (const f of s.features) assert.ok(known.has(f), `${s.name}: unknown feature ${f}`);
  const names = SCENARIOS.map((s) => s.name);
  assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), []);
});
