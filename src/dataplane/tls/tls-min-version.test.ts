// TLS 1.2 minimum (issue "Edge hardening"): a terminating listener refuses a TLS 1.1 client and
// serves a TLS 1.2 one. The client lowers its own security level so that the refusal is the server's.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Ir } from '../../ir/index.ts';
import { selfSigned } from '../../../test/helpers/certs.ts';
import { l4Ir, l4Listener, tlsSettings } from '../tcp/l4-test-kit.ts';
import { TlsListener } from './tls-listener.ts';
import { irCert, tlsConnect } from './tls-test-kit.ts';

const cert = await selfSigned({ dnsNames: ['a.example.com'], commonName: 'a' });
const ir: Ir = l4Ir('TLS', [l4Listener('https', 'HTTPS', { hostname: null, tls: tlsSettings({ certificates: [irCert('secret/default/a', cert)] }) })], []);
const listener = new TlsListener(ir.sockets[0]!.id, {}, (socket) => socket.end('ok'));
listener.update(ir.sockets[0]!, ir);
const { port } = await listener.listen('127.0.0.1', 0);
after(() => listener.close(100));

test('TLS minimum: a TLS 1.1 handshake is refused, TLS 1.2 is served', async () => {
  await assert.rejects(tlsConnect(port, { servername: 'a.example.com', minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' }),
    /alert protocol version/, 'the server alert, not a client-side refusal');
  const ok = await tlsConnect(port, { servername: 'a.example.com', maxVersion: 'TLSv1.2' });
  assert.equal(ok.socket.getProtocol(), 'TLSv1.2');
  ok.socket.destroy();
});
