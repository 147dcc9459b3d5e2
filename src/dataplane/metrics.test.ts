import assert from 'node:assert/strict';
import test from 'node:test';
import { Registry } from 'prom-client';
import { createMetricsObserver } from './metrics.ts';
import type { RequestRecord } from './observer.ts';

const record = (status: number, durationMs: number, routeId: string | null = 'r/a', clusterId: string | null = 'c'): RequestRecord => ({
  socketId: 's', listenerId: 'l', routeId, clusterId, endpoint: null, method: 'GET', host: 'h', path: '/', status, durationMs,
  protocol: 'HTTP/1.1', peer: '127.0.0.1', requestId: null,
});

test('request counts and latency buckets are exported on scrape, cumulative per bound', async () => {
  const registry = new Registry();
  const o = createMetricsObserver(registry);
  o.requestEnded(record(200, 0.3));
  o.requestEnded(record(204, 3));
  o.requestEnded(record(503, 20_000));
  o.requestEnded(record(404, 1, null, null));
  o.requestEnded(record(99, 1));
  o.connectionOpened('s');
  o.connectionOpened('s');
  o.connectionClosed('s');
  const text = await registry.metrics();
  assert.match(text, /switchyard_http_requests_total\{listener="l",route="r\/a",backend="c",code_class="2xx"\} 2\n/);
  assert.match(text, /switchyard_http_requests_total\{listener="l",route="r\/a",backend="c",code_class="5xx"\} 1\n/);
  assert.match(text, /switchyard_http_requests_total\{listener="l",route="r\/a",backend="c",code_class="other"\} 1\n/);
  assert.match(text, /switchyard_http_requests_total\{listener="l",route="",backend="",code_class="4xx"\} 1\n/);
  assert.match(text, /switchyard_http_request_duration_seconds_bucket\{le="0.0005",listener="l",route="r\/a"\} 1\n/);
  assert.match(text, /switchyard_http_request_duration_seconds_bucket\{le="0.005",listener="l",route="r\/a"\} 3\n/);
  assert.match(text, /switchyard_http_request_duration_seconds_bucket\{le="10",listener="l",route="r\/a"\} 3\n/);
  assert.match(text, /switchyard_http_request_duration_seconds_bucket\{le="\+Inf",listener="l",route="r\/a"\} 4\n/);
  assert.match(text, /switchyard_http_request_duration_seconds_count\{listener="l",route="r\/a"\} 4\n/);
  assert.match(text, /switchyard_http_request_duration_seconds_sum\{listener="l",route="r\/a"\} 20.0043\n/);
  assert.match(text, /switchyard_http_active_connections\{socket="s"\} 1\n/);
  // A second scrape reports the same totals (no double counting), and later requests add to them.
  o.requestEnded(record(200, 0.3));
  const again = await registry.metrics();
  assert.match(again, /code_class="2xx"\} 3\n/);
  assert.match(again, /switchyard_http_request_duration_seconds_count\{listener="l",route="r\/a"\} 5\n/);
});
