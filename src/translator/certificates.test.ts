import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCertificatePem, checkPrivateKeyPem, parsePem } from './certificates.ts';

// Bodies only need to decode to a DER SEQUENCE for these checks: 0x30 0x03 0x02 0x01 0x00 is one.
const DER = btoa(String.fromCharCode(0x30, 0x03, 0x02, 0x01, 0x00));
const block = (label: string, body = DER) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;

test('parsePem: blocks with their labels; broken framing is an error', () => {
  const blocks = parsePem(`junk before\n${block('CERTIFICATE')}${block('CERTIFICATE')}`);
  assert.ok(Array.isArray(blocks));
  assert.deepEqual(blocks.map((b) => b.label), ['CERTIFICATE', 'CERTIFICATE']);
  assert.ok('error' in (parsePem(`-----BEGIN CERTIFICATE-----\n${DER}\n`) as object), 'missing END');
  assert.ok('error' in (parsePem(`-----BEGIN CERTIFICATE-----\n${DER}\n-----END PRIVATE KEY-----\n`) as object), 'mismatched END');
});

test('checkCertificatePem: one or more CERTIFICATE blocks of DER', () => {
  assert.equal(checkCertificatePem(block('CERTIFICATE') + block('CERTIFICATE')), null);
  assert.match(checkCertificatePem('Hello world\n') ?? '', /no PEM certificate/);
  assert.match(checkCertificatePem(block('PRIVATE KEY')) ?? '', /only CERTIFICATE/);
  assert.match(checkCertificatePem(block('CERTIFICATE', 'not*base64')) ?? '', /not valid base64 DER/);
  assert.match(checkCertificatePem(block('CERTIFICATE', btoa('hello'))) ?? '', /not valid base64 DER/, 'base64, but not DER');
});

test('checkPrivateKeyPem: exactly one unencrypted key, EC PARAMETERS allowed alongside', () => {
  for (const label of ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']) assert.equal(checkPrivateKeyPem(block(label)), null, label);
  assert.equal(checkPrivateKeyPem(block('EC PARAMETERS') + block('EC PRIVATE KEY')), null);
  assert.match(checkPrivateKeyPem(block('ENCRYPTED PRIVATE KEY')) ?? '', /encrypted/);
  assert.match(checkPrivateKeyPem(block('PRIVATE KEY') + block('PRIVATE KEY')) ?? '', /more than one/);
  assert.match(checkPrivateKeyPem(block('CERTIFICATE')) ?? '', /"CERTIFICATE" PEM block/);
  assert.match(checkPrivateKeyPem('') ?? '', /no PEM private key/);
});
