// examples/https through the real CLI: the HTTPS listener serves app.example.com with the Secret
// generate-secret.ts would write (a certificate from test/helpers/certs.ts, verified against its CA),
// and plain HTTP to the same host is redirected (301) to the https URL, which then succeeds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCa, type TestCert } from '../helpers/certs.ts';
import { httpRequest } from '../helpers/http.ts';
import { httpsRequest } from '../helpers/https.ts';
import { freePort } from '../helpers/ports.ts';
import { copyManifests, REPO, startEcho, startServe } from '../helpers/switchyard.ts';

let echo: Awaited<ReturnType<typeof startEcho>>;
let gateway: Awaited<ReturnType<typeof startServe>>;
let manifests: ReturnType<typeof copyManifests>;
let cert: TestCert;
let caPem: string;
let httpPort: number;
let httpsPort: number;

before(async () => {
  echo = await startEcho(['--text', 'Hello over HTTPS']);
  [httpPort, httpsPort] = [await freePort(), await freePort()];
  // 5678: the echo (Service targetPort, EndpointSlice port); 8080/8443: the listeners and the redirect's port.
  manifests = copyManifests(join(REPO, 'examples', 'https'), {
    5678: String(echo.port),
    'port: 8080': `port: ${httpPort}`,
    'port: 8443': `port: ${httpsPort}`,
  });
  // As generate-secret.ts: a throwaway CA signs app.example.com; clients trust the CA.
  const ca = await createCa({ commonName: 'switchyard example CA' });
  caPem = ca.certPem;
  cert = await ca.sign!({ dnsNames: ['app.example.com'], keyType: 'ecdsa' });
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  // What generate-secret.ts writes as 40-secret.yaml.
  writeFileSync(join(manifests.dir, '40-secret.yaml'), `apiVersion: v1
kind: Secret
metadata:
  name: my-tls-secret
  namespace: demo
type: kubernetes.io/tls
data:
  tls.crt: ${b64(cert.certPem)}
  tls.key: ${b64(cert.keyPem)}
`);
  gateway = await startServe([manifests.dir]);
});

after(async () => {
  await Promise.all([gateway?.stop(), echo?.stop()]);
  manifests?.remove();
});

const https = (path: string, alpn?: 'h2') => httpsRequest({
  port: httpsPort, host: 'app.example.com', path, ca: caPem, ...(alpn !== undefined && { alpn }),
});

test('HTTPS: app.example.com is served with the Secret\'s certificate (verified), over HTTP/1.1 and h2', async () => {
  const reply = await https('/');
  assert.equal(reply.status, 200);
  assert.equal(reply.body, 'Hello over HTTPS\n');
  const h2 = await https('/', 'h2');
  assert.equal(h2.alpn, 'h2');
  assert.equal(h2.status, 200);
});

test('HTTP → 301 to the https URL, which then succeeds', async () => {
  const redirect = await httpRequest(`http://127.0.0.1:${httpPort}/some/path`, { host: 'app.example.com' });
  assert.equal(redirect.status, 301);
  const location = new URL(String(redirect.headers.location));
  assert.equal(location.href, `https://app.example.com:${httpsPort}/some/path`);
  const followed = await https(location.pathname);
  assert.equal(followed.status, 200);
  assert.equal(followed.body, 'Hello over HTTPS\n');
});

test('HTTPS for a host without a route: 404 (the listener has no catch-all route)', async () => {
  const reply = await httpsRequest({ port: httpsPort, host: 'other.example.com', servername: 'app.example.com', path: '/', ca: caPem });
  assert.equal(reply.status, 404);
});
