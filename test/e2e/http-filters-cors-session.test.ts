// CORS, session persistence and a backendRef RequestRedirect through real sockets.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEcho, type EchoServer } from '../../src/cli/echo.ts';
import { backend, cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { request, requestJson, startProxy, type Proxy } from '../../src/dataplane/testing/harness.ts';

let echoes: EchoServer[];
let proxy: Proxy;

before(async () => {
  echoes = await Promise.all(['a', 'b', 'c'].map((name) => startEcho({ listen: '127.0.0.1:0', name })));
  const prefix = (value: string) => ({ path: { type: 'PathPrefix' as const, value } });
  const cors = { type: 'CORS' as const, allowOrigins: ['https://*.foo.com'], allowCredentials: true, allowMethods: ['GET', 'PUT'], allowHeaders: ['x-a'], exposeHeaders: ['x-b'], maxAgeSeconds: 600 };
  const endpoints = echoes.map((e) => ({ address: '127.0.0.1', port: e.port }));
  proxy = await startProxy(simpleIr([
    route({ match: prefix('/cors'), clusterId: 'one', filters: [cors] }),
    { ...route({ match: prefix('/cookie'), clusterId: 'all' }), sessionPersistence: { type: 'Cookie', name: 'sid', absoluteTimeoutMs: 60_000, idleTimeoutMs: null, lifetime: 'Permanent' } },
    { ...route({ match: prefix('/header'), clusterId: 'all' }), sessionPersistence: { type: 'Header', name: 'X-Session', absoluteTimeoutMs: null, idleTimeoutMs: null, lifetime: 'Session' } },
    route({ match: prefix('/backend-redirect'), backends: [backend('one', 1, [{ type: 'RequestRedirect', scheme: null, hostname: 'elsewhere.example', path: null, port: null, statusCode: 302 }])] }),
  ], [cluster('one', endpoints.slice(0, 1)), cluster('all', endpoints)]));
});

after(async () => {
  await proxy.close();
  await Promise.all(echoes.map((e) => e.close()));
});

describe('CORS', () => {
  it('answers a preflight from an allowed origin itself', async () => {
    const res = await request(proxy.port, { method: 'OPTIONS', path: '/cors', headers: { origin: 'https://app.foo.com', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-a' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['access-control-allow-origin'], 'https://app.foo.com');
    assert.equal(res.headers['access-control-allow-methods'], 'GET, PUT');
    assert.equal(res.headers['access-control-allow-headers'], 'x-a');
    assert.equal(res.headers['access-control-allow-credentials'], 'true');
    assert.equal(res.headers['access-control-max-age'], '600');
    assert.equal(res.body, '');
  });
  it('passes a preflight from another origin to the backend, without CORS headers', async () => {
    const res = await request(proxy.port, { method: 'OPTIONS', path: '/cors', headers: { origin: 'https://foo.com', 'access-control-request-method': 'PUT' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    assert.match(res.body, /"method":\s*"OPTIONS"/);
  });
  it('decorates the backend answer to an actual request from an allowed origin', async () => {
    const res = await request(proxy.port, { path: '/cors', headers: { origin: 'https://app.foo.com' } });
    assert.equal(res.headers['access-control-allow-origin'], 'https://app.foo.com');
    assert.equal(res.headers['access-control-expose-headers'], 'x-b');
    assert.equal(res.headers.vary, 'Origin');
    const other = await request(proxy.port, { path: '/cors', headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers['access-control-allow-origin'], undefined);
  });
});

describe('session persistence', () => {
  it('a cookie session sticks to its endpoint; requests without one are balanced', async () => {
    const first = await requestJson(proxy.port, { path: '/cookie/x' });
    const setCookie = first.headers['set-cookie']?.[0];
    assert.match(setCookie ?? '', /^sid=[^;]+; Path=\/cookie; Max-Age=60; HttpOnly$/);
    const cookie = setCookie!.slice(0, setCookie!.indexOf(';'));
    for (let i = 0; i < 6; i++) {
      const again = await requestJson(proxy.port, { path: '/cookie/x', headers: { cookie } });
      assert.equal(again.json.name, first.json.name);
      assert.equal(again.headers['set-cookie'], undefined, 'no new session while one is valid');
    }
    const names = new Set<string>();
    for (let i = 0; i < 6; i++) names.add((await requestJson(proxy.port, { path: '/cookie/x' })).json.name!);
    assert.ok(names.size > 1);
  });
  it('a header session sticks to its endpoint', async () => {
    const first = await requestJson(proxy.port, { path: '/header' });
    const session = first.headers['x-session'] as string;
    assert.ok(session);
    for (let i = 0; i < 4; i++) assert.equal((await requestJson(proxy.port, { path: '/header', headers: { 'x-session': session } })).json.name, first.json.name);
  });
});

describe('backendRef RequestRedirect', () => {
  it('redirects when that backend is chosen', async () => {
    const res = await request(proxy.port, { path: '/backend-redirect/p', headers: { host: 'a.example' } });
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, `http://elsewhere.example:${proxy.port}/backend-redirect/p`);
  });
});
