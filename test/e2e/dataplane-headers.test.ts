// Header forwarding rules (hop-by-hop, X-Forwarded-*, X-Request-Id, Host) and the header,
// rewrite and redirect filters, observed from the echo backend and the client.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startEcho, type EchoServer } from '../../src/cli/echo.ts';
import { backend, cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { rawExchange, request, requestJson, startProxy, type EchoReply, type Proxy } from '../../src/dataplane/testing/harness.ts';

let echo: EchoServer;
let hopServer: http.Server;
let proxy: Proxy;

before(async () => {
  echo = await startEcho({ listen: '127.0.0.1:0', name: 'e' });
  // A backend that sends hop-by-hop headers the proxy must not pass on.
  hopServer = http.createServer((_req, res) => {
    res.writeHead(200, { 'keep-alive': 'timeout=9', 'x-private': 'secret', connection: 'x-private', 'x-public': 'ok', 'x-remove-me': '1' });
    res.end('hop');
  });
  await new Promise<void>((r) => hopServer.listen(0, '127.0.0.1', r));
  const hopPort = (hopServer.address() as { port: number }).port;
  const prefix = (value: string) => ({ path: { type: 'PathPrefix' as const, value } });
  proxy = await startProxy(simpleIr([
    route({ match: prefix('/hop'), clusterId: 'hop', filters: [{ type: 'ResponseHeaderModifier', set: [{ name: 'X-Set', value: 's' }], add: [], remove: ['x-remove-me'] }] }),
    route({ match: prefix('/modify'), clusterId: 'e', filters: [{ type: 'RequestHeaderModifier', set: [{ name: 'X-Set', value: 'new' }], add: [{ name: 'X-Add', value: 'b' }], remove: ['x-drop'] }] }),
    route({ match: prefix('/rewrite'), clusterId: 'e', filters: [{ type: 'URLRewrite', hostname: 'internal.svc', path: { type: 'ReplacePrefixMatch', value: '/v2', matchedPrefix: '/rewrite' } }] }),
    route({ match: prefix('/backend-filter'), backends: [backend('e', 1, [{ type: 'RequestHeaderModifier', set: [], add: [{ name: 'X-Backend', value: '1' }], remove: [] }])] }),
    route({ match: prefix('/redirect'), filters: [{ type: 'RequestRedirect', scheme: 'https', hostname: null, path: { type: 'ReplaceFullPath', value: '/moved' }, port: null, statusCode: 301 }] }),
    route({ clusterId: 'e' }),
  ], [cluster('e', [{ address: '127.0.0.1', port: echo.port }]), cluster('hop', [{ address: '127.0.0.1', port: hopPort }])]));
});

after(async () => {
  await proxy.close();
  await echo.close();
  await new Promise((r) => hopServer.close(r));
});

describe('forwarding headers', () => {
  it('drops hop-by-hop headers and every header named in Connection', async () => {
    // Raw, because Node's client refuses to send some of these itself.
    const raw = await rawExchange(proxy.port, 'GET / HTTP/1.1\r\nHost: example.com\r\nConnection: close, X-Secret\r\n' +
      'Keep-Alive: timeout=5\r\nX-Secret: s\r\nProxy-Connection: keep-alive\r\nTE: trailers\r\nTrailer: X-T\r\n' +
      'Upgrade: h2c\r\nX-Kept: k\r\n\r\n');
    const json = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as EchoReply;
    for (const h of ['keep-alive', 'x-secret', 'proxy-connection', 'te', 'trailer', 'upgrade']) assert.equal(json.headers[h], undefined, h);
    assert.equal(json.headers['x-kept'], 'k');
  });
  it('appends the peer to X-Forwarded-For and sets X-Forwarded-Proto/Host', async () => {
    const { json } = await requestJson(proxy.port, { headers: { host: 'Example.com:8080', 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' } });
    assert.equal(json.headers['x-forwarded-for'], '203.0.113.9, 127.0.0.1');
    assert.equal(json.headers['x-forwarded-proto'], 'http');
    assert.equal(json.headers['x-forwarded-host'], 'Example.com:8080');
    assert.equal(json.host, 'Example.com:8080', 'Host is preserved');
  });
  it('sets X-Request-Id when absent and keeps it when present', async () => {
    const fresh = await requestJson(proxy.port);
    assert.match(fresh.json.headers['x-request-id']!, /^[0-9a-f-]{36}$/);
    const kept = await requestJson(proxy.port, { headers: { 'x-request-id': 'abc' } });
    assert.equal(kept.json.headers['x-request-id'], 'abc');
  });
  it('drops the backend hop-by-hop response headers, applies ResponseHeaderModifier', async () => {
    const res = await request(proxy.port, { path: '/hop' });
    assert.equal(res.body, 'hop');
    assert.equal(res.headers['x-private'], undefined);
    assert.equal(res.headers['x-public'], 'ok');
    assert.equal(res.headers['x-remove-me'], undefined);
    assert.equal(res.headers['x-set'], 's');
    assert.notEqual(res.headers['keep-alive'], 'timeout=9');
  });
});

describe('filters', () => {
  it('RequestHeaderModifier set/add/remove', async () => {
    const { json } = await requestJson(proxy.port, { path: '/modify', headers: { 'x-set': 'old', 'x-add': 'a', 'x-drop': 'd' } });
    assert.equal(json.headers['x-set'], 'new');
    assert.equal(json.headers['x-add'], 'a,b');
    assert.equal(json.headers['x-drop'], undefined);
  });
  it('URLRewrite changes the Host and path sent to the backend', async () => {
    const { json } = await requestJson(proxy.port, { path: '/rewrite/x?q=1', headers: { host: 'public.example' } });
    assert.equal(json.host, 'internal.svc');
    assert.equal(json.path, '/v2/x?q=1');
    assert.equal(json.headers['x-forwarded-host'], 'public.example');
  });
  it('backendRef filters apply when that backend is chosen', async () => {
    const { json } = await requestJson(proxy.port, { path: '/backend-filter' });
    assert.equal(json.headers['x-backend'], '1');
  });
  it('RequestRedirect answers without calling a backend; https drops its default port', async () => {
    const res = await request(proxy.port, { path: '/redirect/a?x=1', headers: { host: 'example.com' } });
    assert.equal(res.status, 301);
    assert.equal(res.headers.location, 'https://example.com/moved?x=1');
  });
});
