/**
 * Prometheus metrics for the data plane, as an observer: requests by listener/route/backend and
 * status class, request latency, upstream connect errors, open client connections.
 */
import { AggregatorRegistry, Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { DataPlaneObserver } from './observer.ts';

const CODE_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx', 'other'];
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

/** Counts of one listener+route: the latency histogram and requests by backend and status class. */
interface RouteStats {
  readonly labels: { readonly listener: string; readonly route: string };
  /** Non-cumulative count per bucket (BUCKETS order), then the overflow past the last bound. */
  readonly buckets: Float64Array;
  sum: number;
  count: number;
  /** backend → count per CODE_CLASSES index. */
  readonly byBackend: Map<string, Float64Array>;
}

/**
 * The hot path (one call per request) only indexes plain maps and adds numbers: label sets are
 * resolved once per listener/route/backend seen, not hashed from a label object per request as
 * prom-client's `inc(labels)`/`observe(labels)` do. prom-client reads the counts when scraped, in
 * each metric's `collect` hook.
 */
export function createMetricsObserver(registry: Registry): DataPlaneObserver {
  const registers = [registry];
  const stats = new Map<string, Map<string, RouteStats>>();
  const openConnections = new Map<string, number>();
  const routeStats = (listener: string, route: string): RouteStats => {
    let byRoute = stats.get(listener);
    if (byRoute === undefined) stats.set(listener, byRoute = new Map());
    let s = byRoute.get(route);
    if (s === undefined) {
      s = { labels: { listener, route }, buckets: new Float64Array(BUCKETS.length + 1), sum: 0, count: 0, byBackend: new Map() };
      byRoute.set(route, s);
    }
    return s;
  };
  new Counter({
    name: 'switchyard_http_requests_total', help: 'HTTP requests served, by listener, route, backend cluster and status class',
    labelNames: ['listener', 'route', 'backend', 'code_class'], registers,
    collect() {
      this.reset();
      for (const byRoute of stats.values()) {
        for (const s of byRoute.values()) {
          for (const [backend, counts] of s.byBackend) {
            for (let i = 0; i < counts.length; i++) {
              if (counts[i]! > 0) this.inc({ ...s.labels, backend, code_class: CODE_CLASSES[i]! }, counts[i]);
            }
          }
        }
      }
    },
  });
  new Histogram({
    name: 'switchyard_http_request_duration_seconds', help: 'Time from request head to the end of the response',
    labelNames: ['listener', 'route'], buckets: BUCKETS, registers,
    collect() {
      // prom-client has no bulk setter for histograms: its series map is rebuilt from the counts
      // (same shape as its own entries: labels, non-cumulative bucketValues by bound, sum, count).
      const series: Record<string, unknown> = {};
      let n = 0;
      for (const byRoute of stats.values()) {
        for (const s of byRoute.values()) {
          const bucketValues: Record<number, number> = {};
          for (let i = 0; i < BUCKETS.length; i++) bucketValues[BUCKETS[i]!] = s.buckets[i]!;
          series[n++] = { labels: s.labels, bucketValues, sum: s.sum, count: s.count };
        }
      }
      (this as unknown as { hashMap: Record<string, unknown> }).hashMap = series;
    },
  });
  const connectErrors = new Counter({
    name: 'switchyard_upstream_connect_errors_total', help: 'Failed connections to backend endpoints',
    labelNames: ['backend', 'endpoint', 'code'], registers,
  });
  new Gauge({
    name: 'switchyard_http_active_connections', help: 'Open client connections per socket', labelNames: ['socket'], registers,
    collect() {
      for (const [socket, open] of openConnections) this.set({ socket }, open);
    },
  });
  return {
    requestEnded(r) {
      const s = routeStats(r.listenerId ?? '', r.routeId ?? '');
      const backend = r.clusterId ?? '';
      let counts = s.byBackend.get(backend);
      if (counts === undefined) s.byBackend.set(backend, counts = new Float64Array(CODE_CLASSES.length));
      const cls = Math.floor(r.status / 100) - 1;
      counts[cls >= 0 && cls < 5 ? cls : 5]! += 1;
      const seconds = r.durationMs / 1000;
      let b = 0;
      while (b < BUCKETS.length && seconds > BUCKETS[b]!) b++;
      s.buckets[b]! += 1;
      s.sum += seconds;
      s.count += 1;
    },
    upstreamConnectError(backend, endpoint, code) {
      connectErrors.inc({ backend, endpoint, code });
    },
    connectionOpened(socket) {
      openConnections.set(socket, (openConnections.get(socket) ?? 0) + 1);
    },
    connectionClosed(socket) {
      openConnections.set(socket, (openConnections.get(socket) ?? 0) - 1);
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
