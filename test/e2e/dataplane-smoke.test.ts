import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { startEcho, type EchoServer } from '../../src/cli/echo.ts';
import { cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { requestJson, startProxy, type Proxy } from '../../src/dataplane/testing/harness.ts';

let echo: EchoServer;
let proxy: Proxy;
before(async () => {
  echo = await startEcho({ listen: '127.0.0.1:0', name: 'a' });
  proxy = await startProxy(simpleIr([route({ clusterId: 'c' })], [cluster('c', [{ address: '127.0.0.1', port: echo.port }])]));
});
after(async () => {
  await proxy.close();
  await echo.close();
});

it('proxies a request to the backend', async () => {
  const res = await requestJson(proxy.port, { path: '/hello?x=1' });
  assert.equal(res.status, 200);
  assert.equal(res.json.name, 'a');
  assert.equal(res.json.path, '/hello?x=1');
});
