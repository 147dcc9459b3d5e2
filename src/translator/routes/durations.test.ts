import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration } from './durations.ts';

test('GEP-2257 durations', () => {
  assert.equal(parseDuration('10s'), 10_000);
  assert.equal(parseDuration('500ms'), 500);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.equal(parseDuration('1h1m1s1ms'), 3_661_001);
  assert.equal(parseDuration('0s'), 0);
  for (const bad of ['1.5s', '10', '-1s', '1d', '123456s', '1h1m1s1ms1h', '']) assert.equal(parseDuration(bad), null, bad);
});
