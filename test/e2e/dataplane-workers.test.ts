// Multi-core: several worker processes serve the same socket; every apply reaches all of them.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Registry } from 'prom-client';
import { startEcho, type EchoServer } from '../../src/cli/echo.ts';
import { createDataPlane } from '../../src/dataplane/index.ts';
import { cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { request } from '../../src/dataplane/testing/harness.ts';
import { freePort } from '../helpers/ports.ts';

let echo: EchoServer;
before(async () => { echo = await startEcho({ listen: '127.0.0.1:0', name: 'e' }); });
after(async () => { await echo.close(); });

it('serves from every worker and applies each config change to all of them', async () => {
  const port = await freePort();
  const clusters = [cluster('e', [{ address: '127.0.0.1', port: echo.port }])];
  const dp = createDataPlane({ workers: 2 });
  try {
    const first = await dp.apply(simpleIr([route({ match: { path: { type: 'Exact', value: '/v1' } }, clusterId: 'e' })], clusters, port));
    assert.equal(first.size, 0, JSON.stringify(first.sockets));
    assert.equal(first.sockets[0]?.state, 'listening');
    assert.equal((await request(port, { path: '/v1' })).status, 200);
    await dp.apply(simpleIr([route({ match: { path: { type: 'Exact', value: '/v2' } }, clusterId: 'e' })], clusters, port));
    // Fresh connections land on either worker: all of them must already serve the new routes.
    const statuses = await Promise.all(Array.from({ length: 40 }, () => request(port, { path: '/v2' }).then((r) => r.status)));
    assert.deepEqual(new Set(statuses), new Set([200]));
    assert.equal((await request(port, { path: '/v1' })).status, 404);
  } finally {
    await dp.close(1_000);
  }
  await assert.rejects(request(port), /ECONNREFUSED/);
});

it("the primary's registry shows the data-plane metrics of every worker, summed", async () => {
  const port = await freePort();
  const registry = new Registry();
  const dp = createDataPlane({ workers: 2, metrics: registry });
  try {
    await dp.apply(simpleIr([route({ id: 'r/m', clusterId: 'e' })], [cluster('e', [{ address: '127.0.0.1', port: echo.port }])], port));
    // Fresh connections spread over both workers; the sum must still be exact.
    await Promise.all(Array.from({ length: 20 }, () => request(port, { path: '/m' })));
    const text = await registry.metrics();
    assert.match(text, /switchyard_http_requests_total\{listener="[^"]+",route="r\/m",backend="e",code_class="2xx"\} 20/);
    assert.match(text, /switchyard_http_request_duration_seconds_count\{listener="[^"]+",route="r\/m"\} 20/);
  } finally {
    await dp.close(1_000);
  }
});
