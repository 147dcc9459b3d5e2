// Frontend client-certificate validation (Gateway tls.frontendValidation): AllowValidOnly accepts
// only clients with a certificate from the configured CAs; AllowInsecureFallback serves everyone.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IrClientValidation } from '../../ir/index.ts';
import { createCa } from '../../../test/helpers/certs.ts';
import { l4Ir, l4Listener, tlsSettings } from '../tcp/l4-test-kit.ts';
import { TlsListener } from './tls-listener.ts';
import { exchangeOn, irCert, tlsConnect } from './tls-test-kit.ts';

const serverCa = await createCa({ commonName: 'server CA' });
const clientCa = await createCa({ commonName: 'client CA' });
const otherCa = await createCa({ commonName: 'other CA' });
const server = await serverCa.sign!({ dnsNames: ['mtls.example.com'] });
const valid = await clientCa.sign!({ commonName: 'good client', client: true });
const foreign = await otherCa.sign!({ commonName: 'foreign client', client: true });
const started: TlsListener[] = [];
after(() => Promise.all(started.map((l) => l.close(100))));

async function start(mode: IrClientValidation['mode']) {
  const ir = l4Ir('TLS', [l4Listener('https', 'HTTPS', {
    tls: tlsSettings({ certificates: [irCert('secret/default/server', server)], clientValidation: { caCertificatesPem: [clientCa.certPem], mode } }),
  })], []);
  // The handoff answers with what the HTTP engine would see: whether the client was verified.
  const l = new TlsListener(ir.sockets[0]!.id, {}, (s) => s.end(s.authorized ? 'verified' : `unverified ${s.authorizationError ?? 'no certificate'}`));
  started.push(l);
  l.update(ir.sockets[0]!, ir);
  return (await l.listen('127.0.0.1', 0)).port;
}

/** The answer the gateway gives, or `refused` when the handshake or the connection was cut. */
async function answer(port: number, client: { certPem: string; keyPem: string } | null): Promise<string> {
  try {
    const c = await tlsConnect(port, { servername: 'mtls.example.com', ...(client === null ? {} : { cert: client.certPem, key: client.keyPem }) });
    const text = await exchangeOn(c.socket, '');
    return text === '' ? 'refused' : text;
  } catch {
    return 'refused';
  }
}

test('AllowValidOnly: a certificate from the CA passes; none or a foreign one is refused', async () => {
  const port = await start('AllowValidOnly');
  assert.equal(await answer(port, valid), 'verified');
  assert.equal(await answer(port, null), 'refused');
  assert.equal(await answer(port, foreign), 'refused');
});

test('AllowInsecureFallback: everyone is served, and only the valid certificate counts as verified', async () => {
  const port = await start('AllowInsecureFallback');
  assert.equal(await answer(port, valid), 'verified');
  assert.match(await answer(port, null), /^unverified/);
  assert.match(await answer(port, foreign), /^unverified/);
});
