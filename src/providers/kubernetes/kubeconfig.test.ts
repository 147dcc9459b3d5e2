import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findClusterConfig } from './kubeconfig.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'kubeconfig-test-'));
const config = (server: string, extra = '') => `apiVersion: v1
kind: Config
current-context: b
clusters:
  - { name: a, cluster: { server: "https://a.example:6443" } }
  - { name: b, cluster: { server: "${server}", certificate-authority-data: ${Buffer.from('CA-PEM').toString('base64')} } }
contexts:
  - { name: a, context: { cluster: a, user: u } }
  - { name: b, context: { cluster: b, user: u, namespace: team } }
users:
  - { name: u, user: { token: secret-token${extra} } }
`;

test('in-cluster service account first, with the token re-read on every request', () => {
  const sa = dir();
  writeFileSync(join(sa, 'token'), 'token-1\n');
  writeFileSync(join(sa, 'ca.crt'), 'CA');
  writeFileSync(join(sa, 'namespace'), 'switchyard-system');
  const c = findClusterConfig({ env: { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443', KUBECONFIG: '/nope' }, serviceAccountDir: sa, home: dir() });
  assert.equal(c.server, 'https://10.0.0.1:443');
  assert.equal(c.namespace, 'switchyard-system');
  assert.equal(c.token!(), 'token-1');
  writeFileSync(join(sa, 'token'), 'token-2\n');
  assert.equal(c.token!(), 'token-2');
});

test('then KUBECONFIG (first existing file), using current-context', () => {
  const d = dir();
  writeFileSync(join(d, 'config'), config('https://b.example:6443'));
  const c = findClusterConfig({ env: { KUBECONFIG: `/missing:${join(d, 'config')}` }, serviceAccountDir: '/missing', home: dir() });
  assert.equal(c.server, 'https://b.example:6443');
  assert.equal(c.ca, 'CA-PEM');
  assert.equal(c.token!(), 'secret-token');
  assert.equal(c.namespace, 'team');
});

test('then ~/.kube/config; --kubeconfig overrides everything', () => {
  const home = dir();
  mkdirSync(join(home, '.kube'));
  writeFileSync(join(home, '.kube', 'config'), config('https://home.example'));
  assert.equal(findClusterConfig({ env: {}, serviceAccountDir: '/missing', home }).server, 'https://home.example');
  const d = dir();
  writeFileSync(join(d, 'explicit'), config('http://127.0.0.1:8001'));
  assert.equal(findClusterConfig({ kubeconfig: join(d, 'explicit'), env: { KUBERNETES_SERVICE_HOST: 'x' }, home }).server, 'http://127.0.0.1:8001');
});

test('fails with a clear message when there is no cluster, and refuses credential plugins', () => {
  assert.throws(() => findClusterConfig({ env: {}, serviceAccountDir: '/missing', home: dir() }), /no cluster found/);
  const d = dir();
  writeFileSync(join(d, 'config'), config('https://x').replace('{ token: secret-token }', '{ exec: { command: aws } }'));
  assert.throws(() => findClusterConfig({ kubeconfig: join(d, 'config') }), /credential plugins/);
});
