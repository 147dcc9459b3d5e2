import assert from 'node:assert/strict';
import http2 from 'node:http2';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import type { TLSSocket } from 'node:tls';
import { createCa, type TestCert } from '../../../test/helpers/certs.ts';
import type { IrUpstreamTls } from '../../ir/index.ts';
import { BackendTls } from './backend-tls.ts';
import type { EndpointPool } from './endpoint-pool.ts';
import { PoolRegistry } from './pool-registry.ts';
import type { UpstreamError, UpstreamListener } from './upstream-connection.ts';

const OPTIONS = { idleTimeoutMs: 5_000, maxSockets: Infinity };
let ca: TestCert;
let otherCa: TestCert;
let clientCert: TestCert;
let h1: https.Server;
let h2: http2.Http2SecureServer;
const port = (s: { address(): unknown }) => (s.address() as AddressInfo).port;

before(async () => {
  ca = await createCa({ commonName: 'backend CA' });
  otherCa = await createCa({ commonName: 'unrelated CA' });
  const server = await ca.sign!({ dnsNames: ['abc.example.com'], uris: ['spiffe://abc.example.com/id'] });
  clientCert = await ca.sign!({ commonName: 'gateway', client: true });
  // The backend answers with the SNI it saw, the ALPN protocol and whether a client certificate came.
  const answer = (socket: TLSSocket) => JSON.stringify({ sni: (socket as TLSSocket & { servername?: string }).servername, alpn: socket.alpnProtocol, client: socket.getPeerCertificate().subject?.CN ?? null });
  const tlsOptions = { cert: server.certPem, key: server.keyPem, ca: ca.certPem, requestCert: true, rejectUnauthorized: false };
  h1 = https.createServer(tlsOptions, (req, res) => res.end(answer(req.socket as TLSSocket)));
  h2 = http2.createSecureServer(tlsOptions, (req, res) => res.end(answer(req.socket as unknown as TLSSocket)));
  await Promise.all([h1, h2].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
});

after(async () => {
  await Promise.all([h1, h2].map((s) => new Promise((r) => { s.close(r); (s as https.Server).closeAllConnections?.(); })));
});

const settings = (over: Partial<IrUpstreamTls> = {}): IrUpstreamTls => ({
  hostname: 'abc.example.com', caCertificatesPem: [ca.certPem], useSystemCa: false, subjectAltNames: [], clientCertificate: null, ...over,
});

it('keys pools on the TLS fingerprint: a changed setting gets a new pool and the old one drains', () => {
  const registry = new PoolRegistry(OPTIONS);
  const endpoint = { address: '127.0.0.1', port: 1 };
  const g1 = registry.begin();
  const first = g1.acquire('c', endpoint, new BackendTls(settings(), 'http/1.1'));
  g1.commit();
  const g2 = registry.begin();
  assert.equal(g2.acquire('c', endpoint, new BackendTls(settings(), 'http/1.1')), first, 'same settings: same pool, warm connections kept');
  g2.commit();
  const g3 = registry.begin();
  const changed = g3.acquire('c', endpoint, new BackendTls(settings({ subjectAltNames: [{ type: 'URI', value: 'spiffe://x/y' }] }), 'http/1.1'));
  g3.commit();
  assert.notEqual(changed, first);
  assert.equal(first.closing, true);
  const fingerprints = new Set([
    settings(), settings({ hostname: 'other.example.com' }), settings({ caCertificatesPem: [otherCa.certPem] }),
    settings({ clientCertificate: { id: 'secret/ns/c', certChainPem: clientCert.certPem, privateKeyPem: clientCert.keyPem } }),
  ].map((s) => new BackendTls(s, 'http/1.1').fingerprint));
  fingerprints.add(new BackendTls(settings(), 'h2').fingerprint);
  assert.equal(fingerprints.size, 5, 'hostname, CA, client certificate and ALPN each change the fingerprint');
  registry.destroyAll();
});

it('speaks HTTP/1.1 over TLS with SNI = hostname, ALPN http/1.1 and the client certificate', async () => {
  const tls = settings({ clientCertificate: { id: 'secret/ns/c', certChainPem: clientCert.certPem, privateKeyPem: clientCert.keyPem } });
  const body = await getThrough(pool(port(h1), tls, 'http/1.1'));
  assert.deepEqual(JSON.parse(body), { sni: 'abc.example.com', alpn: 'http/1.1', client: 'gateway' });
});

it('speaks HTTP/2 over TLS (ALPN h2) for H2C clusters with TLS', async () => {
  const p = pool(port(h2), settings({ subjectAltNames: [{ type: 'URI', value: 'spiffe://abc.example.com/id' }] }), 'h2');
  p.useH2(true);
  assert.deepEqual(JSON.parse(await getThrough(p)), { sni: 'abc.example.com', alpn: 'h2', client: null });
  p.destroy();
});

it('refuses a backend whose certificate is not signed by the CA or does not carry the name, as a connect error', async () => {
  const wrongCa = await getThrough(pool(port(h1), settings({ caCertificatesPem: [otherCa.certPem] }), 'http/1.1')).catch((e: UpstreamError) => e);
  assert.equal((wrongCa as UpstreamError).connect, true);
  assert.match((wrongCa as UpstreamError).code, /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER|SELF_SIGNED_CERT_IN_CHAIN/);
  const wrongName = await getThrough(pool(port(h1), settings({ hostname: 'mismatch.example.com' }), 'http/1.1')).catch((e: UpstreamError) => e);
  assert.deepEqual([(wrongName as UpstreamError).code, (wrongName as UpstreamError).connect], ['ERR_TLS_CERT_ALTNAME_INVALID', true]);
  const wrongSan = await getThrough(pool(port(h1), settings({ subjectAltNames: [{ type: 'Hostname', value: 'dce.example.com' }] }), 'http/1.1')).catch((e: UpstreamError) => e);
  assert.equal((wrongSan as UpstreamError).code, 'ERR_TLS_CERT_ALTNAME_INVALID');
});

function pool(p: number, tls: IrUpstreamTls, alpn: 'http/1.1' | 'h2'): EndpointPool {
  const g = new PoolRegistry(OPTIONS).begin();
  const result = g.acquire('c', { address: '127.0.0.1', port: p }, new BackendTls(tls, alpn));
  g.commit();
  return result;
}

/** One GET through the pool; resolves with the body, rejects with the UpstreamError. */
function getThrough(p: EndpointPool): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const listener: UpstreamListener = {
      onUpstreamContinue() {},
      onUpstreamHead() {},
      onUpstreamData: (c) => { chunks.push(c); return true; },
      onUpstreamEnd: () => { resolve(Buffer.concat(chunks).toString()); p.destroy(); },
      onUpstreamError: (e) => { reject(e); p.destroy(); },
      onUpstreamDrain() {},
      onUpstreamUpgrade() {},
    };
    p.acquire({ onConnection: (conn) => conn.send(listener, 'GET / HTTP/1.1\r\nHost: abc.example.com\r\n\r\n', 'GET', 'none') });
  });
}
