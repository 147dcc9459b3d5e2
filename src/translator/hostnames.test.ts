import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareHostnameSpecificity, effectiveHostnames, hostnameMatches, intersectHostname } from './hostnames.ts';

test('a wildcard matches one or more labels, never the bare suffix', () => {
  assert.equal(hostnameMatches('*.example.com', 'foo.example.com'), true);
  assert.equal(hostnameMatches('*.example.com', 'bar.foo.example.com'), true);
  assert.equal(hostnameMatches('*.example.com', 'example.com'), false);
  assert.equal(hostnameMatches('*.example.com', 'fooexample.com'), false);
  assert.equal(hostnameMatches('*', 'anything.test'), true);
});

test('intersection keeps the more specific side', () => {
  assert.equal(intersectHostname('*.example.com', 'foo.example.com'), 'foo.example.com');
  assert.equal(intersectHostname('foo.example.com', '*.example.com'), 'foo.example.com');
  assert.equal(intersectHostname('*.example.com', '*.foo.example.com'), '*.foo.example.com');
  assert.equal(intersectHostname('*.foo.example.com', '*.bar.example.com'), null);
  assert.equal(intersectHostname('a.example.com', 'b.example.com'), null);
});

test('effective hostnames follow the route/listener rules', () => {
  assert.deepEqual(effectiveHostnames(null, []), ['*']);
  assert.deepEqual(effectiveHostnames('foo.example.com', []), ['foo.example.com']);
  assert.deepEqual(effectiveHostnames('*.example.com', ['test.example.com', 'test.example.net', 'example.com']), ['test.example.com']);
  assert.deepEqual(effectiveHostnames('*.example.com', ['x.test']), []);
});

test('specificity: exact, then longer wildcards, then *', () => {
  const sorted = ['*', '*.example.com', 'a.example.com', '*.foo.example.com'].sort(compareHostnameSpecificity);
  assert.deepEqual(sorted, ['a.example.com', '*.foo.example.com', '*.example.com', '*']);
});
