import assert from 'node:assert/strict';
import type { PeerCertificate } from 'node:tls';
import { it } from 'node:test';
import type { IrUpstreamTls } from '../../ir/index.ts';
import { certificateSans, checkBackendIdentity, dnsNamesMatch } from './backend-san.ts';

const settings = (hostname: string, sans: IrUpstreamTls['subjectAltNames'] = []): IrUpstreamTls => ({
  hostname, caCertificatesPem: [], useSystemCa: false, subjectAltNames: sans, clientCertificate: null,
});
const cert = (subjectaltname: string) => ({ subjectaltname, subject: { CN: 'x' } }) as unknown as PeerCertificate;

it('parses node subjectaltname text, quoted values included', () => {
  assert.deepEqual(certificateSans('DNS:abc.example.com, URI:spiffe://abc.example.com/id, IP Address:10.0.0.1'), [
    { type: 'DNS', value: 'abc.example.com' },
    { type: 'URI', value: 'spiffe://abc.example.com/id' },
    { type: 'IP Address', value: '10.0.0.1' },
  ]);
  assert.deepEqual(certificateSans('URI:"spiffe://a/b,c", DNS:x.org'), [{ type: 'URI', value: 'spiffe://a/b,c' }, { type: 'DNS', value: 'x.org' }]);
  assert.deepEqual(certificateSans(''), []);
});

it('matches DNS names case-insensitively, a wildcard covering exactly one leftmost label on either side', () => {
  assert.ok(dnsNamesMatch('ABC.example.com', 'abc.example.com'));
  assert.ok(dnsNamesMatch('*.example.com', 'abc.example.com'), 'policy wildcard');
  assert.ok(dnsNamesMatch('abc.example.com', '*.example.com'), 'certificate wildcard');
  assert.ok(!dnsNamesMatch('*.example.com', 'a.b.example.com'), 'one label only');
  assert.ok(!dnsNamesMatch('*.example.com', 'example.com'));
  assert.ok(!dnsNamesMatch('*.com', 'example.com'), 'no public-suffix wildcard');
  assert.ok(!dnsNamesMatch('abc.example.com', 'dce.example.com'));
});

it('without subjectAltNames the hostname must match the certificate', () => {
  assert.equal(checkBackendIdentity(settings('abc.example.com'), cert('DNS:abc.example.com')), undefined);
  assert.ok(checkBackendIdentity(settings('mismatch.example.com'), cert('DNS:abc.example.com')) instanceof Error);
});

it('with subjectAltNames any one must match, and the hostname no longer counts', () => {
  const presented = cert('DNS:abc.example.com, URI:spiffe://abc.example.com/test-identity, DNS:other.example.com');
  const dns = (v: string) => ({ type: 'Hostname' as const, value: v });
  const uri = (v: string) => ({ type: 'URI' as const, value: v });
  assert.equal(checkBackendIdentity(settings('abc.example.com', [dns('abc.example.com')]), presented), undefined);
  assert.equal(checkBackendIdentity(settings('abc.example.com', [uri('spiffe://abc.example.com/test-identity')]), presented), undefined);
  assert.equal(checkBackendIdentity(settings('nothere.example.com', [dns('*.example.com')]), presented), undefined);
  const refused = checkBackendIdentity(settings('abc.example.com', [dns('dce.example.com'), uri('spiffe://def.example.com/test-identity')]), presented);
  assert.ok(refused instanceof Error);
  assert.equal((refused as NodeJS.ErrnoException).code, 'ERR_TLS_CERT_ALTNAME_INVALID');
  assert.ok(checkBackendIdentity(settings('abc.example.com', [uri('spiffe://abc.example.com/test-identity/')]), presented), 'URIs compare exactly');
  assert.ok(checkBackendIdentity(settings('abc.example.com', [uri('abc.example.com')]), presented), 'a URI never matches a DNS SAN');
});
