// TLS sockets on loopback: passthrough by SNI to real TLS backends, TLSRoute terminate to a TCP
// echo, HTTPS handoff per SNI-chosen listener with ALPN, certificate choice (SNI, RSA vs ECDSA),
// bad certificate material isolated to its listener, rotation without rebinding.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type tls from 'node:tls';
import type { Ir, IrListener } from '../../ir/index.ts';
import { createCa, selfSigned } from '../../../test/helpers/certs.ts';
import { l4Cluster, l4Ir, l4Listener, tcpEcho, tlsRoute, tlsSettings, weighted } from '../tcp/l4-test-kit.ts';
import { TlsListener, type HttpsHandoff } from './tls-listener.ts';
import { exchangeOn, irCert, tlsConnect, tlsEcho } from './tls-test-kit.ts';

const ca = await createCa();
const certs = {
  a: await ca.sign!({ dnsNames: ['a.example.com'] }),
  wild: await ca.sign!({ dnsNames: ['*.example.com'], commonName: 'wildcard' }),
  // Self-signed with RSA: a client that allows only RSA signatures must be able to check the whole chain.
  rsa: await selfSigned({ dnsNames: ['multi.example.com'], keyType: 'rsa', commonName: 'multi-rsa' }),
  ec: await ca.sign!({ dnsNames: ['multi.example.com'], commonName: 'multi-ec' }),
};
const backendA = await tlsEcho('backend-a', await selfSigned({ dnsNames: ['a.example.com'], commonName: 'backend-a' }));
const backendB = await tlsEcho('backend-b', await selfSigned({ dnsNames: ['b.example.com'], commonName: 'backend-b' }));
const echo = await tcpEcho('echo');
const started: TlsListener[] = [];
// Listeners close here too, so a failing test cannot keep the process alive.
after(() => Promise.all([backendA.close(), backendB.close(), echo.close(), ...started.map((l) => l.close(100))]));

const clusters = [l4Cluster('a', 'TCP', [backendA.port]), l4Cluster('b', 'TCP', [backendB.port]), l4Cluster('echo', 'TCP', [echo.port])];

/** An HTTPS handoff that answers one line naming the listener and the ALPN protocol, then closes. */
const handoff: HttpsHandoff = (socket: tls.TLSSocket, listenerId: string) => {
  socket.end(`${listenerId} ${socket.alpnProtocol || 'none'}`);
};

async function start(listeners: readonly IrListener[], https: HttpsHandoff | null = handoff) {
  const ir: Ir = l4Ir('TLS', listeners, clusters);
  const l = new TlsListener(ir.sockets[0]!.id, {}, https);
  started.push(l);
  const problems = l.update(ir.sockets[0]!, ir);
  const { port } = await l.listen('127.0.0.1', 0);
  return { l, port, ir, problems };
}

const passthrough = l4Listener('tls', 'TLS', {
  tls: tlsSettings({ mode: 'Passthrough' }),
  tlsRoutes: [tlsRoute('exact', ['a.example.com'], [weighted('a')]), tlsRoute('wild', ['*.example.com'], [weighted('b')])],
});

test('passthrough: SNI picks the TLSRoute (exact before wildcard) and the backend certificate reaches the client', async () => {
  const { l, port } = await start([passthrough]);
  const a = await tlsConnect(port, { servername: 'a.example.com' });
  assert.equal(a.peerName, 'backend-a');
  assert.equal(await exchangeOn(a.socket, 'hi'), 'backend-a:hi');
  const b = await tlsConnect(port, { servername: 'other.example.com' });
  assert.equal(b.peerName, 'backend-b');
  assert.equal(await exchangeOn(b.socket, 'yo'), 'backend-b:yo');
  await l.close(100);
});

test('passthrough: an SNI no listener or route covers, or no SNI, is refused', async () => {
  const { l, port } = await start([{ ...passthrough, hostname: '*.example.com' }]);
  await assert.rejects(tlsConnect(port, { servername: 'nope.test' }));
  await assert.rejects(tlsConnect(port, { servername: '' }));
  await l.close(100);
});

test('TLS terminate with a TLSRoute: decrypted bytes reach a plain TCP backend', async () => {
  const { l, port } = await start([l4Listener('tls', 'TLS', {
    tls: tlsSettings({ certificates: [irCert('secret/default/a', certs.a)] }),
    tlsRoutes: [tlsRoute('r', ['a.example.com'], [weighted('echo')])],
  })]);
  const c = await tlsConnect(port, { servername: 'a.example.com' });
  assert.equal(c.peerName, 'a.example.com');
  assert.equal(await exchangeOn(c.socket, 'plain'), 'echo:plain');
  await l.close(100);
});

const https = (name: string, hostname: string | null, cs: (keyof typeof certs)[]) => l4Listener(name, 'HTTPS', {
  hostname, tls: tlsSettings({ certificates: cs.map((c) => irCert(`secret/default/${c}`, certs[c])) }),
});

test('HTTPS: SNI chooses the listener and its certificate; ALPN offers h2 and http/1.1', async () => {
  const { l, port } = await start([https('a', 'a.example.com', ['a']), https('any', null, ['wild'])]);
  const a = await tlsConnect(port, { servername: 'a.example.com', ALPNProtocols: ['h2', 'http/1.1'] });
  assert.equal(a.peerName, 'a.example.com');
  assert.equal(await exchangeOn(a.socket, ''), 'gateway/default/gw/listener/a h2');
  const w = await tlsConnect(port, { servername: 'b.example.com', ALPNProtocols: ['http/1.1'] });
  assert.equal(w.peerName, 'wildcard');
  assert.equal(await exchangeOn(w.socket, ''), 'gateway/default/gw/listener/any http/1.1');
  const none = await tlsConnect(port, { servername: '' });
  assert.equal(await exchangeOn(none.socket, ''), 'gateway/default/gw/listener/any none');
  await l.close(100);
});

test('several certificates per listener: SAN match first, then RSA or ECDSA by the client signature algorithms', async () => {
  const { l, port } = await start([https('multi', null, ['a', 'rsa', 'ec'])]);
  assert.equal((await tlsConnect(port, { servername: 'a.example.com' })).peerName, 'a.example.com');
  const ec = await tlsConnect(port, { servername: 'multi.example.com', sigalgs: 'ECDSA+SHA256' });
  assert.equal(ec.peerName, 'multi-ec');
  const rsa = await tlsConnect(port, { servername: 'multi.example.com', sigalgs: 'RSA-PSS+SHA256:RSA+SHA256' });
  assert.equal(rsa.peerName, 'multi-rsa');
  // No SAN matches: the first certificate is the fallback.
  assert.equal((await tlsConnect(port, { servername: 'other.test' })).peerName, 'a.example.com');
  for (const c of [ec, rsa]) c.socket.destroy();
  await l.close(100);
});

test('bad certificate material is reported for its listener only; the other listener serves', async () => {
  const bad = l4Listener('bad', 'HTTPS', {
    hostname: 'bad.example.com',
    tls: tlsSettings({ certificates: [
      { id: 'secret/default/garbage', certChainPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', privateKeyPem: certs.a.keyPem },
      { id: 'secret/default/mismatch', certChainPem: certs.a.certPem, privateKeyPem: certs.wild.keyPem },
    ] }),
  });
  const { l, port, problems } = await start([bad, https('good', 'a.example.com', ['a'])]);
  assert.deepEqual(problems.map((p) => [p.listenerId, p.message.split(':')[0]]), [
    ['gateway/default/gw/listener/bad', 'certificate secret/default/garbage'],
    ['gateway/default/gw/listener/bad', 'certificate secret/default/mismatch'],
    ['gateway/default/gw/listener/bad', 'no usable certificate'],
  ]);
  assert.match(problems[1]!.message, /does not match/);
  await assert.rejects(tlsConnect(port, { servername: 'bad.example.com' }));
  assert.equal((await tlsConnect(port, { servername: 'a.example.com' })).peerName, 'a.example.com');
  await l.close(100);
});

test('rotation: an update serves the new certificate to new connections; open ones and the socket stay', async () => {
  const { l, port, ir } = await start([https('a', null, ['a'])]);
  const before = await tlsConnect(port, { servername: 'a.example.com' });
  assert.equal(before.peerName, 'a.example.com');
  const rotated = await ca.sign!({ dnsNames: ['a.example.com'], commonName: 'rotated' });
  const next: Ir = { ...ir, sockets: [{ ...ir.sockets[0]!, listeners: [l4Listener('a', 'HTTPS', { tls: tlsSettings({ certificates: [irCert('secret/default/a', rotated)] }) })] }] };
  assert.deepEqual(l.update(next.sockets[0]!, next), []);
  assert.equal((await tlsConnect(port, { servername: 'a.example.com' })).peerName, 'rotated');
  assert.equal(await exchangeOn(before.socket, ''), 'gateway/default/gw/listener/a none');
  await l.close(100);
});

test('a non-TLS client is closed without an answer', async () => {
  const { l, port } = await start([passthrough]);
  const { rawExchange } = await import('../testing/harness.ts');
  assert.equal(await rawExchange(port, 'GET / HTTP/1.1\r\nHost: a\r\n\r\n'), '');
  await l.close(100);
});
