// Routing through real sockets: listener and virtual-host selection by Host, IR precedence,
// PathPrefix element boundaries, 404s. Each backend is an echo server with its own name.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEcho, type EchoServer } from '../../src/cli/echo.ts';
import { cluster, httpSocket, listener, route, vhost } from '../../src/dataplane/testing/ir-builder.ts';
import { request, requestJson, startProxy, type Proxy } from '../../src/dataplane/testing/harness.ts';
import type { Ir } from '../../src/ir/index.ts';

const NAMES = ['exact', 'wild', 'deep', 'any', 'prefix', 'regex', 'header'] as const;
let echoes: Record<string, EchoServer>;
let proxy: Proxy;

before(async () => {
  echoes = Object.fromEntries(await Promise.all(NAMES.map(async (n) => [n, await startEcho({ listen: '127.0.0.1:0', name: n })] as const)));
  const ir: Ir = {
    sockets: [httpSocket([
      listener('exact', 'a.example.com', [vhost('a.example.com', [route({ clusterId: 'exact' })])]),
      listener('deep', '*.b.example.com', [vhost('*.b.example.com', [route({ clusterId: 'deep' })])]),
      listener('wild', '*.example.com', [vhost('*.example.com', [route({ clusterId: 'wild', match: { path: { type: 'PathPrefix', value: '/wild' } } })])]),
      listener('any', null, [vhost('*', [
        route({ clusterId: 'header', match: { path: { type: 'PathPrefix', value: '/foo' }, headers: [{ name: 'x-canary', type: 'Exact', value: 'yes' }] } }),
        route({ clusterId: 'prefix', match: { path: { type: 'PathPrefix', value: '/foo' } } }),
        route({ clusterId: 'regex', match: { path: { type: 'RegularExpression', value: '/r/[0-9]+' } } }),
        route({ clusterId: 'any', match: { path: { type: 'Exact', value: '/' } } }),
      ])]),
    ])],
    clusters: Object.fromEntries(NAMES.map((n) => [n, cluster(n, [{ address: '127.0.0.1', port: echoes[n]!.port }])])),
  };
  proxy = await startProxy(ir);
});

after(async () => {
  await proxy.close();
  await Promise.all(Object.values(echoes).map((e) => e.close()));
});

const nameFor = async (host: string, path = '/', headers: Record<string, string> = {}) => {
  const res = await request(proxy.port, { path, headers: { host, ...headers } });
  return res.status === 200 ? (JSON.parse(res.body) as { name: string }).name : res.status;
};

describe('host selection', () => {
  it('exact hostname, case-insensitive, port ignored', async () => {
    assert.equal(await nameFor('a.example.com'), 'exact');
    assert.equal(await nameFor('A.Example.COM:8080'), 'exact');
  });
  it('wildcards match any depth, longest suffix first', async () => {
    assert.equal(await nameFor('x.b.example.com'), 'deep');
    assert.equal(await nameFor('y.x.b.example.com'), 'deep');
    assert.equal(await nameFor('c.example.com', '/wild'), 'wild');
    assert.equal(await nameFor('c.d.example.com', '/wild/x'), 'wild');
  });
  it('listener isolation: a host owned by a listener never falls through to another', async () => {
    assert.equal(await nameFor('c.example.com', '/'), 404);
  });
  it('hosts no specific listener claims go to the catch-all listener', async () => {
    assert.equal(await nameFor('example.com'), 'any');
    assert.equal(await nameFor('127.0.0.1'), 'any');
  });
});

describe('route selection', () => {
  it('follows the IR order (header match listed before the plain prefix)', async () => {
    assert.equal(await nameFor('other.org', '/foo', { 'x-canary': 'yes' }), 'header');
    assert.equal(await nameFor('other.org', '/foo', { 'x-canary': 'no' }), 'prefix');
  });
  it('PathPrefix matches on path-element boundaries only', async () => {
    assert.equal(await nameFor('other.org', '/foo/bar'), 'prefix');
    assert.equal(await nameFor('other.org', '/foo/'), 'prefix');
    assert.equal(await nameFor('other.org', '/foobar'), 404);
  });
  it('RegularExpression is a full match', async () => {
    assert.equal(await nameFor('other.org', '/r/42'), 'regex');
    assert.equal(await nameFor('other.org', '/r/42/x'), 404);
  });
  it('the query string is not part of the path', async () => {
    const res = await requestJson(proxy.port, { path: '/?a=/foo', headers: { host: 'other.org' } });
    assert.equal(res.json.name, 'any');
    assert.equal(res.json.path, '/?a=/foo');
  });
});

describe('path normalisation before matching', () => {
  it('routes and forwards the normalised path (dot segments, merged slashes, escaped dots)', async () => {
    const res = await requestJson(proxy.port, { path: '/x/..//foo/./%2e%2e/foo/bar?q=1', headers: { host: 'other.org' } });
    assert.equal(res.json.name, 'prefix');
    assert.equal(res.json.path, '/foo/bar?q=1');
  });
  it('redirects escaped slashes to the unescaped path (307), calling no backend', async () => {
    const res = await request(proxy.port, { path: '/foo%2Fbar?q=1', headers: { host: 'other.org' } });
    assert.equal(res.status, 307);
    assert.equal(res.headers.location, '/foo/bar?q=1');
  });
});
