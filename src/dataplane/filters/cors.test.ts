import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IrCorsFilter } from '../../ir/index.ts';
import { compileCors } from './cors.ts';

const cors = (f: Partial<IrCorsFilter>) => compileCors({
  type: 'CORS', allowOrigins: [], allowCredentials: false, allowMethods: [], allowHeaders: [], exposeHeaders: [], maxAgeSeconds: 0, ...f,
});
const asMap = (flat: readonly string[]) => Object.fromEntries(Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i]!.toLowerCase(), flat[2 * i + 1]!]));

describe('CORS origins', () => {
  const c = cors({ allowOrigins: ['https://www.foo.com', 'https://*.bar.com', 'http://a.example:8080'] });
  it('exact origins, case-insensitively, port included', () => {
    assert.ok(c.allows('https://www.foo.com'));
    assert.ok(c.allows('HTTPS://WWW.FOO.COM'));
    assert.ok(c.allows('http://a.example:8080'));
    assert.ok(!c.allows('http://a.example'));
    assert.ok(!c.allows('http://www.foo.com'), 'the scheme is part of the origin');
  });
  it('a wildcard label stands for one or more labels, never for none or for a port', () => {
    assert.ok(c.allows('https://www.bar.com'));
    assert.ok(c.allows('https://xpto.www.bar.com'));
    assert.ok(!c.allows('https://bar.com'));
    assert.ok(!c.allows('https://foobar.com'));
    assert.ok(!c.allows('https://www.bar.com:8443'));
    assert.ok(!c.allows('https://www.bar.com.evil.example'));
  });
  it('`*` allows any origin', () => {
    assert.ok(cors({ allowOrigins: ['*'] }).allows('https://foobar.com:12345'));
  });
});

describe('CORS preflight and responses', () => {
  it('lists methods, headers, exposed headers, max-age and credentials; echoes the origin', () => {
    const c = cors({ allowOrigins: ['https://www.foo.com'], allowMethods: ['GET', 'OPTIONS'], allowHeaders: ['x-header-1', 'x-header-2'], exposeHeaders: ['x-header-3'], allowCredentials: true, maxAgeSeconds: 3600 });
    assert.deepEqual(asMap(c.preflightFields('https://www.foo.com', 'GET', 'x-header-1')), {
      'access-control-allow-origin': 'https://www.foo.com', 'access-control-allow-credentials': 'true', 'access-control-expose-headers': 'x-header-3',
      vary: 'Origin', 'access-control-allow-methods': 'GET, OPTIONS', 'access-control-allow-headers': 'x-header-1, x-header-2', 'access-control-max-age': '3600',
    });
  });
  it('`*` methods and headers answer with what was asked for; no credentials header unless allowed', () => {
    const c = cors({ allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: ['*'] });
    const m = asMap(c.preflightFields('https://other.foo.com', 'PUT', 'x-header-1, x-header-2'));
    assert.equal(m['access-control-allow-methods'], 'PUT');
    assert.equal(m['access-control-allow-headers'], 'x-header-1, x-header-2');
    assert.equal(m['access-control-allow-origin'], 'https://other.foo.com');
    assert.equal(m['access-control-allow-credentials'], undefined);
    assert.equal(m['access-control-max-age'], undefined);
  });
  it('decorate replaces the backend\'s own CORS headers', () => {
    const fields = ['Access-Control-Allow-Origin', '*', 'X-Kept', 'k'];
    cors({ allowOrigins: ['*'], allowCredentials: true }).decorate(fields, 'https://a.example');
    assert.deepEqual(asMap(fields), { 'x-kept': 'k', 'access-control-allow-origin': 'https://a.example', 'access-control-allow-credentials': 'true', vary: 'Origin' });
  });
});
