// Metrics (prom-client) and the JSON-lines access log, both fed by the data plane observer.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Registry } from 'prom-client';
import { startEcho } from '../../src/cli/echo.ts';
import { cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { request, startProxy } from '../../src/dataplane/testing/harness.ts';
import { freePort } from '../helpers/ports.ts';

it('counts requests by route and status class, connect errors, and writes one access-log line per request', async () => {
  const echo = await startEcho({ listen: '127.0.0.1:0' });
  const registry = new Registry();
  const lines: string[] = [];
  const refused = await freePort();
  const proxy = await startProxy(simpleIr([
    route({ id: 'r/ok', match: { path: { type: 'Exact', value: '/ok' } }, clusterId: 'e' }),
    route({ id: 'r/down', match: { path: { type: 'Exact', value: '/down' } }, clusterId: 'down' }),
  ], [cluster('e', [{ address: '127.0.0.1', port: echo.port }]), cluster('down', [{ address: '127.0.0.1', port: refused }])]),
  { metrics: registry, accessLog: { write: (l: string) => lines.push(l) } });
  try {
    await request(proxy.port, { path: '/ok' });
    await request(proxy.port, { path: '/ok' });
    await request(proxy.port, { path: '/down' });
    await request(proxy.port, { path: '/missing' });
    const text = await registry.metrics();
    assert.match(text, /switchyard_http_requests_total\{listener="[^"]+",route="r\/ok",backend="e",code_class="2xx"\} 2/);
    assert.match(text, /switchyard_http_requests_total\{listener="",route="",backend="",code_class="4xx"\} 1/);
    assert.match(text, /switchyard_upstream_connect_errors_total\{backend="down",endpoint="127.0.0.1:\d+",code="ECONNREFUSED"\} 1/);
    assert.match(text, /switchyard_http_request_duration_seconds_count\{listener="[^"]+",route="r\/ok"\} 2/);
    assert.equal(lines.length, 4);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    assert.equal(first.status, 200);
    assert.equal(first.routeId, 'r/ok');
    assert.equal(first.path, '/ok');
    assert.equal(JSON.parse(lines[2]!).status, 502);
  } finally {
    await proxy.close();
    await echo.close();
  }
});
