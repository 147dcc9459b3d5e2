// TLS to backends through the real CLI (BackendTLSPolicy): the gateway connects with SNI = the
// policy hostname and verifies the backend against the CA ConfigMap and the hostname, or the
// subjectAltNames instead; a wrong CA or name is a 502; a CA change takes effect on new connections
// (pools are keyed on the TLS settings); a Gateway's backend client certificate is presented to a
// backend that requires one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { createCa } from '../helpers/certs.ts';
import { httpRequest } from '../helpers/http.ts';
import { freePort } from '../helpers/ports.ts';
import { startServe } from '../helpers/switchyard.ts';
import { waitFor } from '../helpers/wait.ts';

const ca = await createCa({ commonName: 'backend CA' });
const otherCa = await createCa({ commonName: 'unrelated CA' });
const serverCert = await ca.sign!({ dnsNames: ['abc.example.com', 'other.example.com'], uris: ['spiffe://abc.example.com/test-identity'] });
const gatewayClient = await ca.sign!({ commonName: 'gateway-client', client: true });

let dir: string;
let port: number;
let mtlsPort: number;
let serve: Awaited<ReturnType<typeof startServe>>;
const backends: https.Server[] = [];

/** A TLS backend answering with the SNI it saw and the client certificate's CN (or null). */
async function tlsBackend(requireClientCert: boolean): Promise<number> {
  const server = https.createServer({ cert: serverCert.certPem, key: serverCert.keyPem, ca: ca.certPem, requestCert: requireClientCert, rejectUnauthorized: requireClientCert }, (req, res) => {
    const socket = req.socket as TLSSocket & { servername?: string };
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ sni: socket.servername, client: socket.getPeerCertificate().subject?.CN ?? null, path: req.url }));
  });
  backends.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

const service = (name: string, backendPort: number) => `---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: infra }
spec: { ports: [{ name: https, port: 443, targetPort: ${backendPort} }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: ${name}-1, namespace: infra, labels: { kubernetes.io/service-name: ${name} } }
addressType: IPv4
ports: [{ name: https, port: ${backendPort} }]
endpoints: [{ addresses: ["127.0.0.1"], conditions: { ready: true } }]
`;

const policy = (name: string, validation: string) => `---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: { name: ${name}, namespace: infra }
spec:
  targetRefs: [{ group: "", kind: Service, name: ${name} }]
  validation: ${validation}
`;

const caRef = (configMap: string) => `caCertificateRefs: [{ group: "", kind: ConfigMap, name: ${configMap} }]`;
const gateway = (name: string, p: number, clientCert: boolean) => `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: ${name}, namespace: infra }
spec:
  gatewayClassName: switchyard
  listeners: [{ name: http, port: ${p}, protocol: HTTP }]
${clientCert ? '  tls: { backend: { clientCertificateRef: { name: gateway-client } } }\n' : ''}`;
const rule = (path: string, svc: string) => `    - matches: [{ path: { type: Exact, value: /${path} } }]\n      backendRefs: [{ name: ${svc}, port: 443 }]\n`;

function config(h1: number, mtls: number): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: switchyard }
spec: { controllerName: switchyard.dev/gateway-controller }
${gateway('gw', port, false)}${gateway('gw-mtls', mtlsPort, true)}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: app, namespace: infra }
spec:
  parentRefs: [{ name: gw }, { name: gw-mtls }]
  rules:
${rule('ok', 'ok')}${rule('wrong-ca', 'wrong-ca')}${rule('wrong-host', 'wrong-host')}${rule('san', 'san')}${rule('san-mismatch', 'san-mismatch')}${rule('mtls', 'mtls')}---
apiVersion: v1
kind: ConfigMap
metadata: { name: other-ca, namespace: infra }
data: { ca.crt: ${JSON.stringify(otherCa.certPem)} }
---
apiVersion: v1
kind: Secret
metadata: { name: gateway-client, namespace: infra }
type: kubernetes.io/tls
data: { tls.crt: ${Buffer.from(gatewayClient.certPem).toString('base64')}, tls.key: ${Buffer.from(gatewayClient.keyPem).toString('base64')} }
${['ok', 'wrong-ca', 'wrong-host', 'san', 'san-mismatch'].map((s) => service(s, h1)).join('')}${service('mtls', mtls)}${
  policy('ok', `{ hostname: abc.example.com, ${caRef('backend-ca')} }`)}${
  policy('wrong-ca', `{ hostname: abc.example.com, ${caRef('other-ca')} }`)}${
  policy('wrong-host', `{ hostname: mismatch.example.com, ${caRef('backend-ca')} }`)}${
  policy('san', `{ hostname: not-in-the-cert.example.com, ${caRef('backend-ca')}, subjectAltNames: [{ type: URI, uri: "spiffe://abc.example.com/test-identity" }] }`)}${
  policy('san-mismatch', `{ hostname: abc.example.com, ${caRef('backend-ca')}, subjectAltNames: [{ type: Hostname, hostname: dce.example.com }] }`)}${
  policy('mtls', `{ hostname: abc.example.com, ${caRef('backend-ca')} }`)}`;
}

const caConfigMap = (pem: string) => `apiVersion: v1
kind: ConfigMap
metadata: { name: backend-ca, namespace: infra }
data: { ca.crt: ${JSON.stringify(pem)} }
`;

before(async () => {
  const [h1, mtls] = [await tlsBackend(false), await tlsBackend(true)];
  [port, mtlsPort] = [await freePort(), await freePort()];
  dir = mkdtempSync(join(tmpdir(), 'switchyard-backend-tls-'));
  writeFileSync(join(dir, 'config.yaml'), config(h1, mtls));
  writeFileSync(join(dir, 'ca.yaml'), caConfigMap(ca.certPem));
  serve = await startServe([dir]);
});

after(async () => {
  await serve?.stop();
  for (const b of backends) { b.closeAllConnections(); b.close(); }
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, p = port) => httpRequest(`http://127.0.0.1:${p}/${path}`, { host: 'app.example.com' });
const seen = (body: string) => JSON.parse(body) as { sni: string; client: string | null; path: string };

test('a BackendTLSPolicy with a CA ConfigMap: TLS with SNI = hostname, verified, 200', async () => {
  const r = await get('ok');
  assert.equal(r.status, 200, r.body);
  assert.deepEqual(seen(r.body), { sni: 'abc.example.com', client: null, path: '/ok' });
});

test('a backend certificate from another CA, or without the hostname, is a 502 and a logged reason', async () => {
  assert.equal((await get('wrong-ca')).status, 502);
  assert.equal((await get('wrong-host')).status, 502);
  await waitFor(() => serve.stderr().includes('backend TLS handshake failed') && serve.stderr().includes('ERR_TLS_CERT_ALTNAME_INVALID'), `the TLS failure log lines: ${serve.stderr().slice(-1500)}`, 5_000);
});

test('subjectAltNames replace the hostname for verification: a matching URI SAN passes, a missing DNS SAN is a 502', async () => {
  const r = await get('san');
  assert.equal(r.status, 200, r.body);
  assert.equal(seen(r.body).sni, 'not-in-the-cert.example.com', 'the hostname is still the SNI');
  assert.equal((await get('san-mismatch')).status, 502);
});

test('a backend that requires a client certificate gets the Gateway\'s; a Gateway without one gets a 502', async () => {
  const r = await get('mtls', mtlsPort);
  assert.equal(r.status, 200, r.body);
  assert.equal(seen(r.body).client, 'gateway-client');
  assert.equal((await get('mtls')).status, 502);
});

test('a changed CA applies to new connections: pools made under the old settings are not reused', async () => {
  assert.equal((await get('ok')).status, 200);
  writeFileSync(join(dir, 'ca.yaml'), caConfigMap(otherCa.certPem));
  await waitFor(async () => (await get('ok')).status === 502, 'the new CA to refuse the backend', 10_000);
  writeFileSync(join(dir, 'ca.yaml'), caConfigMap(ca.certPem));
  await waitFor(async () => (await get('ok')).status === 200, 'the original CA to accept it again', 10_000);
});
