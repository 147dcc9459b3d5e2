// HTTPS listeners through the real CLI: two listeners on one port chosen by SNI, RSA and ECDSA
// certificates side by side, ALPN h2 and http/1.1 (X-Forwarded-Proto https on both), 421 for a
// request whose Host belongs to another listener than the SNI's, certificate rotation by
// rewriting the Secret file, a listener with unusable certificate material that leaves the others
// serving, and frontend client-certificate validation (Gateway spec.tls.frontend).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCa, type TestCert } from '../helpers/certs.ts';
import { httpsRequest, type HttpsOptions } from '../helpers/https.ts';
import { freePort } from '../helpers/ports.ts';
import { startEcho, startServe } from '../helpers/switchyard.ts';
import { waitFor } from '../helpers/wait.ts';
import { GATEWAY_CLASS_YAML } from '../helpers/manifests.ts';

const ca = await createCa({ commonName: 'e2e server CA' });
const clientCa = await createCa({ commonName: 'e2e client CA' });
const certs = {
  aRsa: await ca.sign!({ dnsNames: ['a.example.com'], keyType: 'rsa', commonName: 'a-rsa' }),
  aEc: await ca.sign!({ dnsNames: ['a.example.com'], commonName: 'a-ec' }),
  wild: await ca.sign!({ dnsNames: ['*.example.com'], commonName: 'wildcard' }),
  mtls: await ca.sign!({ dnsNames: ['mtls.example.org'], commonName: 'mtls' }),
  client: await clientCa.sign!({ commonName: 'client', client: true }),
};

let dir: string;
let port: number;
let mtlsPort: number;
let echo: Awaited<ReturnType<typeof startEcho>>;
let serve: Awaited<ReturnType<typeof startServe>>;

const b64 = (s: string) => Buffer.from(s).toString('base64');
const secret = (name: string, cert: Pick<TestCert, 'certPem' | 'keyPem'>) => `apiVersion: v1
kind: Secret
metadata: { name: ${name}, namespace: infra }
type: kubernetes.io/tls
data: { tls.crt: ${b64(cert.certPem)}, tls.key: ${b64(cert.keyPem)} }
`;

function config(): string {
  const listener = (name: string, hostname: string | null, secrets: string[], p = port) => `
    - name: ${name}
      port: ${p}
      protocol: HTTPS
${hostname === null ? '' : `      hostname: "${hostname}"\n`}      allowedRoutes: { namespaces: { from: Same } }
      tls: { mode: Terminate, certificateRefs: [${secrets.map((s) => `{ name: ${s} }`).join(', ')}] }`;
  const route = (name: string, section: string, text: string) => `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: ${name}, namespace: infra }
spec:
  parentRefs: [{ name: gw, sectionName: ${section} }]
  rules: [{ backendRefs: [{ name: echo, port: 80 }], filters: [{ type: ResponseHeaderModifier, responseHeaderModifier: { set: [{ name: x-route, value: ${text} }] } }] }]
`;
  return GATEWAY_CLASS_YAML + `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: infra }
spec:
  gatewayClassName: switchyard
  tls:
    frontend:
      default: {}
      perPort:
        - port: ${mtlsPort}
          tls: { validation: { caCertificateRefs: [{ kind: ConfigMap, group: "", name: client-ca }] } }
  listeners:${listener('a', 'a.example.com', ['a-rsa', 'a-ec'])}${listener('wild', '*.example.com', ['wild'])}${listener('broken', 'broken.example.net', ['broken'])}${listener('mtls', 'mtls.example.org', ['mtls'], mtlsPort)}
${route('a', 'a', 'a')}${route('wild', 'wild', 'wild')}${route('broken', 'broken', 'broken')}${route('mtls', 'mtls', 'mtls')}---
apiVersion: v1
kind: ConfigMap
metadata: { name: client-ca, namespace: infra }
data: { ca.crt: ${JSON.stringify(clientCa.certPem)} }
---
apiVersion: v1
kind: Service
metadata: { name: echo, namespace: infra }
spec: { ports: [{ name: http, port: 80, targetPort: ${echo.port} }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: echo-1, namespace: infra, labels: { kubernetes.io/service-name: echo } }
addressType: IPv4
ports: [{ name: http, port: ${echo.port} }]
endpoints: [{ addresses: ["127.0.0.1"], conditions: { ready: true } }]
`;
}

// Well-formed PEM the translator accepts, but the key is another certificate's: the data plane cannot serve it.
const BROKEN = { certPem: certs.wild.certPem, keyPem: certs.aEc.keyPem };

before(async () => {
  echo = await startEcho(['--json', '--name', 'echo']);
  [port, mtlsPort] = [await freePort(), await freePort()];
  dir = mkdtempSync(join(tmpdir(), 'switchyard-https-'));
  writeFileSync(join(dir, 'config.yaml'), config());
  writeFileSync(join(dir, 'secret-a-rsa.yaml'), secret('a-rsa', certs.aRsa));
  writeFileSync(join(dir, 'secret-a-ec.yaml'), secret('a-ec', certs.aEc));
  writeFileSync(join(dir, 'secret-wild.yaml'), secret('wild', certs.wild));
  writeFileSync(join(dir, 'secret-broken.yaml'), secret('broken', BROKEN));
  writeFileSync(join(dir, 'secret-mtls.yaml'), secret('mtls', certs.mtls));
  serve = await startServe([dir]);
});

after(async () => {
  await Promise.all([serve?.stop(), echo?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

const get = (o: Omit<HttpsOptions, 'port'> & { port?: number }) => httpsRequest({ port, ca: ca.certPem, path: '/', ...o });
const seen = (body: string) => JSON.parse(body) as { host: string; headers: Record<string, string>; httpVersion: string };

test('SNI picks the listener; its certificate is verified by the client; routes stay on their listener', async () => {
  const a = await get({ host: 'a.example.com' });
  assert.equal(a.status, 200);
  assert.equal(a.headers['x-route'], 'a');
  assert.match(a.peerName, /^a-/);
  const w = await get({ host: 'b.example.com' });
  assert.equal(w.status, 200);
  assert.equal(w.headers['x-route'], 'wild');
  assert.equal(w.peerName, 'wildcard');
});

test('RSA and ECDSA certificates on one listener: the client gets the one its signature algorithms allow', async () => {
  const rsa = await get({ host: 'a.example.com', sigalgs: 'rsa_pss_rsae_sha256:rsa_pkcs1_sha256' });
  assert.equal(rsa.peerName, 'a-rsa');
  assert.equal(rsa.peerKeyType, 'rsa');
  const ec = await get({ host: 'a.example.com', sigalgs: 'ecdsa_secp256r1_sha256' });
  assert.equal(ec.peerName, 'a-ec');
  assert.equal(ec.peerKeyType, 'ec');
});

test('ALPN h2 and http/1.1 both reach the backend with X-Forwarded-Proto https', async () => {
  for (const alpn of ['h2', 'http/1.1'] as const) {
    const r = await get({ host: 'a.example.com', alpn });
    assert.equal(r.alpn, alpn);
    assert.equal(r.status, 200);
    const req = seen(r.body);
    assert.equal(req.headers['x-forwarded-proto'], 'https', alpn);
    assert.equal(req.host, 'a.example.com');
  }
});

test('a Host that belongs to another listener than the SNI gets 421, on h2 and http/1.1; an unknown Host 404', async () => {
  for (const alpn of ['h2', 'http/1.1'] as const) {
    assert.equal((await get({ servername: 'b.example.com', host: 'a.example.com', alpn })).status, 421, alpn);
    assert.equal((await get({ servername: 'a.example.com', host: 'c.example.com', alpn })).status, 421, alpn);
    assert.equal((await get({ servername: 'c.example.com', host: 'd.example.com', alpn })).status, 200, alpn);
    assert.equal((await get({ servername: 'c.example.com', host: 'unknown.example.org', alpn })).status, 404, alpn);
  }
});

test('a listener whose certificate does not load refuses handshakes, shows it in its status, and leaves the others serving', async () => {
  await assert.rejects(get({ host: 'broken.example.net' }));
  assert.equal((await get({ host: 'a.example.com' })).status, 200);
  const gw = await (await fetch(`http://${serve.admin}/apis/gateway.networking.k8s.io/v1/namespaces/infra/gateways/gw`)).json() as {
    status: { listeners: { name: string; conditions: { type: string; status: string; reason: string; message: string }[] }[] };
  };
  const conditions = (name: string) => gw.status.listeners.find((l) => l.name === name)!.conditions;
  const resolved = conditions('broken').find((c) => c.type === 'ResolvedRefs')!;
  assert.equal(`${resolved.status}/${resolved.reason}`, 'False/InvalidCertificateRef');
  assert.match(resolved.message, /private key does not match/);
  assert.equal(conditions('a').find((c) => c.type === 'ResolvedRefs')!.status, 'True');
});

test('frontend client-certificate validation: no or untrusted certificate refused, a trusted one served', async () => {
  const mtls = { port: mtlsPort, host: 'mtls.example.org' };
  await assert.rejects(get(mtls));
  const stranger = await (await createCa()).sign!({ commonName: 'stranger', client: true });
  await assert.rejects(get({ ...mtls, cert: stranger.certPem, key: stranger.keyPem }));
  const ok = await get({ ...mtls, cert: certs.client.certPem, key: certs.client.keyPem });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers['x-route'], 'mtls');
});

test('certificate rotation: rewriting the Secret file serves the new certificate to new connections', async () => {
  const rotated = await ca.sign!({ dnsNames: ['*.example.com'], commonName: 'wildcard-rotated' });
  writeFileSync(join(dir, 'secret-wild.yaml'), secret('wild', rotated));
  await waitFor(async () => (await get({ host: 'b.example.com' })).peerName === 'wildcard-rotated', 'the rotated certificate', 10_000);
  assert.equal((await get({ host: 'b.example.com' })).status, 200);
});
