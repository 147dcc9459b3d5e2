/**
 * Prometheus metrics for the data plane, as an observer: requests by listener/route/backend and
 * status class, request latency, upstream connect errors, open client connections.
 */
import { AggregatorRegistry, Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { DataPlaneObserver } from './observer.ts';

const CODE_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'];

export function createMetricsObserver(registry: Registry): DataPlaneObserver {
  const registers = [registry];
  const requests = new Counter({
    name: 'switchyard_http_requests_total', help: 'HTTP requests served, by listener, route, backend cluster and status class',
    labelNames: ['listener', 'route', 'backend', 'code_class'], registers,
  });
  const latency = new Histogram({
    name: 'switchyard_http_request_duration_seconds', help: 'Time from request head to the end of the response',
    labelNames: ['listener', 'route'], buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10], registers,
  });
  const connectErrors = new Counter({
    name: 'switchyard_upstream_connect_errors_total', help: 'Failed connections to backend endpoints',
    labelNames: ['backend', 'endpoint', 'code'], registers,
  });
  const connections = new Gauge({
    name: 'switchyard_http_active_connections', help: 'Open client connections per socket', labelNames: ['socket'], registers,
  });
  return {
    requestEnded(r) {
      const listener = r.listenerId ?? '';
      const route = r.routeId ?? '';
      requests.inc({ listener, route, backend: r.clusterId ?? '', code_class: CODE_CLASSES[Math.floor(r.status / 100) - 1] ?? 'other' });
      latency.observe({ listener, route }, r.durationMs / 1000);
    },
    upstreamConnectError(backend, endpoint, code) {
      connectErrors.inc({ backend, endpoint, code });
    },
    connectionOpened(socket) {
      connections.inc({ socket });
    },
    connectionClosed(socket) {
      connections.dec({ socket });
    },
  };
}

/**
 * Multi-worker data planes: makes `registry` (the primary's, scraped by the admin API) append the
 * sum of every worker's data-plane metrics to its own on each scrape. `collect` returns one
 * `getMetricsAsJSON()` snapshot per worker; counters, histograms and gauges are summed.
 */
export function exposeWorkerMetrics(registry: Registry, collect: () => Promise<object[][]>): void {
  const own = registry.metrics.bind(registry);
  // prom-client has no hook for metrics owned elsewhere; wrapping the scrape keeps one Registry for
  // the admin API and no duplicate metric names in the primary.
  registry.metrics = async () => {
    const [mine, workers] = await Promise.all([own(), collect()]);
    if (workers.length === 0) return mine;
    return `${mine}\n${await AggregatorRegistry.aggregate(workers).metrics()}`;
  };
}
