// `kubectl kustomize deploy/` renders the install manifests as `kubectl apply -k deploy/` would
// send them. Runs where kubectl is installed (it carries kustomize); elsewhere it skips with a note,
// and test/integration/deploy.test.ts still checks every file it would render.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { REPO } from '../helpers/switchyard.ts';

type Doc = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };
const DEPLOY = join(REPO, 'deploy');

function objectsIn(text: string, what: string): Doc[] {
  return parseAllDocuments(text).map((d) => {
    assert.deepEqual(d.errors, [], what);
    return d.toJSON() as Doc;
  }).filter((d) => d !== null);
}

const key = (d: Doc) => `${d.apiVersion} ${d.kind} ${d.metadata.namespace ?? ''}/${d.metadata.name}`;

test('kubectl kustomize deploy/ renders every object of the manifests, unchanged in identity', (t) => {
  const probe = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8', timeout: 20_000 });
  if (probe.error || probe.status !== 0) {
    t.skip('kubectl is not installed here (Debian: apt-get install kubernetes-client); deploy.test.ts checks the files themselves');
    return;
  }
  const rendered = spawnSync('kubectl', ['kustomize', DEPLOY], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(rendered.status, 0, rendered.stderr);
  const out = objectsIn(rendered.stdout, 'kubectl kustomize output');
  const files = ['crds/switchyardproxies.yaml', ...readdirSync(DEPLOY).filter((f) => /^\d\d-.*\.yaml$/.test(f))];
  const expected = files.flatMap((f) => objectsIn(readFileSync(join(DEPLOY, f), 'utf8'), f));
  assert.deepEqual(out.map(key).sort(), expected.map(key).sort());
  for (const d of out) assert.ok(d.apiVersion && d.kind && d.metadata.name, `incomplete object: ${JSON.stringify(d).slice(0, 200)}`);
});
