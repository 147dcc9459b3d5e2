// xffNumTrustedHops: with 0 trusted hops only the TCP peer names the client; with N, the N-th
// X-Forwarded-For entry from the right does (the entries after it came from the trusted proxies).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientAddress } from './client-address.ts';

test('client address: zero trusted hops ignores a client-written X-Forwarded-For', () => {
  assert.equal(clientAddress('6.6.6.6', '10.0.0.9', 0), '10.0.0.9');
});

test('client address: N trusted hops take the N-th entry from the right', () => {
  assert.equal(clientAddress('6.6.6.6, 1.2.3.4', '10.0.0.9', 1), '1.2.3.4');
  assert.equal(clientAddress('6.6.6.6, 1.2.3.4, 10.0.0.1', '10.0.0.9', 2), '1.2.3.4');
  assert.equal(clientAddress('1.2.3.4', '10.0.0.9', 5), '1.2.3.4', 'a shorter chain: the left-most entry');
  assert.equal(clientAddress(undefined, '10.0.0.9', 1), '10.0.0.9');
});
