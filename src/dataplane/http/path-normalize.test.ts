import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { compilePathMatch } from '../routing/route-match.ts';
import { normalizePath } from './path-normalize.ts';

it('normalises dot segments, merged slashes, backslashes and escaped unreserved characters', () => {
  const cases: [string, string][] = [
    ['/a/b', '/a/b'],
    ['/a/./b', '/a/b'],
    ['/a/../b', '/b'],
    ['/../../etc/passwd', '/etc/passwd'],
    ['/a/b/..', '/a/'],
    ['/a//b///c', '/a/b/c'],
    ['/a\\..\\admin', '/admin'],
    ['/public/%2e%2e/admin', '/admin'],
    ['/%41%62c', '/Abc'],
    ['/a%20b', '/a%20b'],
    ['/a%3fb', '/a%3Fb'],
  ];
  for (const [input, expected] of cases) assert.deepEqual(normalizePath(input), { kind: 'ok', path: expected }, input);
});

it('redirects escaped slashes to the unescaped path (Envoy Gateway UnescapeAndRedirect) and refuses bad escapes', () => {
  assert.deepEqual(normalizePath('/admin%2Fsecret'), { kind: 'redirect', path: '/admin/secret' });
  assert.deepEqual(normalizePath('/public%2f..%2fadmin'), { kind: 'redirect', path: '/admin' });
  assert.deepEqual(normalizePath('/a%5Cb'), { kind: 'redirect', path: '/a/b' });
  assert.deepEqual(normalizePath('/a%zz'), { kind: 'invalid' });
  assert.deepEqual(normalizePath('/a%4'), { kind: 'invalid' });
});

it('no spelling of a path under /admin escapes a PathPrefix /admin rule after normalisation', () => {
  const admin = compilePathMatch({ type: 'PathPrefix', value: '/admin' });
  const segment = fc.constantFrom('admin', 'x', '.', '..', '%2e', '%2E%2e', '', 'a%2fb', '%41dmin');
  fc.assert(fc.property(fc.array(segment, { maxLength: 6 }), fc.constantFrom('/', '\\', '//'), (segments, sep) => {
    const result = normalizePath(`/${segments.join(sep)}`);
    if (result.kind === 'invalid') return;
    // Idempotent: the normalised path is a fixed point, so the backend reads what routing matched.
    assert.deepEqual(normalizePath(result.path), { kind: 'ok', path: result.path });
    const resolved = new URL(result.path, 'http://x').pathname;
    assert.equal(admin(result.path), admin(resolved), `${result.path} vs ${resolved}`);
  }), { numRuns: 500 });
});
