import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyHeaderEdit, compileFilterChain, concatChains } from './index.ts';
import { compileHeaderModifier } from './header-modifier.ts';
import { compilePathModifier } from './path-modifier.ts';
import { compileRequestRedirect } from './request-redirect.ts';

describe('header modifier', () => {
  it('sets (replacing every value), appends to existing values, removes case-insensitively', () => {
    const flat = ['X-Set', 'old', 'x-set', 'old2', 'X-Add', 'a', 'X-Remove', 'gone', 'Keep', 'k'];
    applyHeaderEdit(flat, compileHeaderModifier({
      type: 'RequestHeaderModifier',
      set: [{ name: 'x-SET', value: 'new' }],
      add: [{ name: 'x-add', value: 'b' }, { name: 'X-New', value: 'n' }],
      remove: ['x-remove'],
    }));
    assert.deepEqual(flat, ['X-Add', 'a,b', 'Keep', 'k', 'x-SET', 'new', 'X-New', 'n']);
  });
});

describe('path modifier', () => {
  // The spec's ReplacePrefixMatch table.
  const table: [prefix: string, path: string, replacement: string, expected: string][] = [
    ['/foo', '/foo/bar', '/xyz', '/xyz/bar'], ['/foo', '/foo/bar', '/xyz/', '/xyz/bar'],
    ['/foo/', '/foo/bar', '/xyz', '/xyz/bar'], ['/foo/', '/foo/bar', '/xyz/', '/xyz/bar'],
    ['/foo', '/foo', '/xyz', '/xyz'], ['/foo', '/foo/', '/xyz', '/xyz/'], ['/foo/', '/foo', '/xyz', '/xyz'],
    ['/foo', '/foo/bar', '/', '/bar'], ['/foo', '/foo', '/', '/'], ['/foo', '/foo/', '/', '/'],
    ['/', '/foo', '/xyz', '/xyz/foo'],
  ];
  for (const [prefix, path, replacement, expected] of table) {
    it(`ReplacePrefixMatch ${prefix} → ${replacement} on ${path}`, () => {
      assert.equal(compilePathModifier({ type: 'ReplacePrefixMatch', value: replacement, matchedPrefix: prefix })(path), expected);
    });
  }
  it('ReplaceFullPath', () => assert.equal(compilePathModifier({ type: 'ReplaceFullPath', value: '/new' })('/old/x'), '/new'));
});

describe('request redirect', () => {
  const input = { scheme: 'http' as const, host: 'example.com', listenerPort: 8080, path: '/a', query: 'q=1' };
  const redirect = (f: Partial<Parameters<typeof compileRequestRedirect>[0]>) =>
    compileRequestRedirect({ type: 'RequestRedirect', scheme: null, hostname: null, path: null, port: null, statusCode: 302, ...f }).location(input);
  it('keeps scheme and listener port when nothing is set', () => assert.equal(redirect({}), 'http://example.com:8080/a?q=1'));
  it('a scheme implies its well-known port, which is omitted', () => assert.equal(redirect({ scheme: 'https' }), 'https://example.com/a?q=1'));
  it('an explicit port is kept unless it is the default', () => {
    assert.equal(redirect({ scheme: 'https', port: 8443 }), 'https://example.com:8443/a?q=1');
    assert.equal(redirect({ port: 80 }), 'http://example.com/a?q=1');
  });
  it('hostname and path', () => assert.equal(redirect({ hostname: 'x.org', path: { type: 'ReplaceFullPath', value: '/b' } }), 'http://x.org:8080/b?q=1'));
});

describe('filter chain', () => {
  it('keeps every RequestMirror in order; backendRef mirrors follow the rule\'s', () => {
    const rule = compileFilterChain([{ type: 'RequestMirror', clusterId: 'a', percent: 100 }, { type: 'RequestMirror', clusterId: 'b', percent: 20 }]);
    const backend = compileFilterChain([{ type: 'RequestMirror', clusterId: 'c', percent: 50 }]);
    assert.deepEqual(concatChains(rule, backend).mirrors, [{ clusterId: 'a', percent: 100 }, { clusterId: 'b', percent: 20 }, { clusterId: 'c', percent: 50 }]);
    assert.deepEqual(rule.unsupported, []);
  });
  it('a backendRef RequestRedirect is the chain\'s redirect', () => {
    const backend = compileFilterChain([{ type: 'RequestRedirect', scheme: null, hostname: null, path: null, port: null, statusCode: 302 }]);
    assert.equal(concatChains(compileFilterChain([]), backend).redirect?.statusCode, 302);
  });
});
