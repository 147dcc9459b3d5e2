// Golden-file tests: every testdata/<case>.in.yaml (resources) is translated and compared with
// testdata/<case>.out.yaml (statuses, then IR). `npm run golden:update` (UPDATE_GOLDEN=1) rewrites
// the expected files; review them as a diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { CONTROLLER_NAME, type KubeObject } from '../api/index.ts';
import { snapshotOf } from '../store/index.ts';
import { translate } from './translate.ts';

const TESTDATA = join(import.meta.dirname, 'testdata');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** The options every golden case is translated with. */
export const GOLDEN_OPTIONS = {
  controllerName: CONTROLLER_NAME,
  now: '2026-01-01T00:00:00Z',
  defaultAddresses: ['127.0.0.1'],
  usableAddresses: (address: string) => address.startsWith('127.') || address === '::1',
} as const;

function readObjects(file: string): KubeObject[] {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const objects: KubeObject[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
    const value = doc.toJS() as KubeObject | null;
    if (value) objects.push(value);
  }
  return objects;
}

const cases = readdirSync(TESTDATA).filter((f) => f.endsWith('.in.yaml')).sort();

for (const input of cases) {
  const name = input.slice(0, -'.in.yaml'.length);
  test(`golden: ${name}`, () => {
    const result = translate(snapshotOf(readObjects(join(TESTDATA, input))), GOLDEN_OPTIONS);
    const actual = stringify({ statuses: result.statuses, ir: result.ir }, { lineWidth: 0, aliasDuplicateObjects: false });
    const expectedFile = join(TESTDATA, `${name}.out.yaml`);
    if (UPDATE || !existsSync(expectedFile)) {
      writeFileSync(expectedFile, actual);
      if (!UPDATE) assert.fail(`${name}.out.yaml did not exist; written — review it and run again`);
      return;
    }
    assert.equal(actual, readFileSync(expectedFile, 'utf8'), `${name}: translation differs from ${name}.out.yaml (UPDATE_GOLDEN=1 to rewrite)`);
  });
}

test('golden: translation is deterministic', () => {
  for (const input of cases) {
    const objects = readObjects(join(TESTDATA, input));
    const a = stringify(translate(snapshotOf(objects), GOLDEN_OPTIONS));
    const b = stringify(translate(snapshotOf([...objects].reverse()), GOLDEN_OPTIONS));
    assert.equal(a, b, `${input}: output depends on input order`);
  }
});
