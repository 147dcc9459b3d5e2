/**
 * Passive health checking (outlier ejection): endpoints that fail requests in a row are taken out
 * of rotation for a while, as Envoy's outlier detection does.
 *
 * - A failure is a 5xx response head or a connection that could not be made or broke before any
 *   response; anything else resets the count.
 * - `consecutiveFailures` in a row eject the endpoint for `baseEjectionMs` × the number of times
 *   it has been ejected (capped at `maxEjectionMs`), so a flapping endpoint stays out longer.
 * - At most `maxEjectionPercent` of a cluster's endpoints are out at once (at least one may always
 *   go): ejecting everything would turn a partial outage into a full one.
 * - An ejected endpoint comes back when its time is up, checked when endpoints are picked; there
 *   is no timer. If every endpoint picked is ejected, one is used anyway (panic mode).
 *
 * State lives per EndpointPool, which survives applies while its endpoint does, so an apply does not
 * forgive a failing endpoint. The common path is one WeakMap read per response.
 */
import type { ClusterRuntime } from './cluster.ts';
import type { EndpointPool } from './endpoint-pool.ts';

export interface OutlierOptions {
  readonly consecutiveFailures: number;
  readonly baseEjectionMs: number;
  readonly maxEjectionMs: number;
  readonly maxEjectionPercent: number;
}

export const OUTLIER_DEFAULTS: OutlierOptions = {
  consecutiveFailures: 5,
  baseEjectionMs: 30_000,
  maxEjectionMs: 300_000,
  maxEjectionPercent: 50,
};

interface Health {
  failures: number;
  ejections: number;
  /** performance.now() until which the endpoint is out; 0 when in rotation. */
  ejectedUntil: number;
}

const HEALTH = new WeakMap<EndpointPool, Health>();
/** Endpoints ejected right now, across clusters: while 0, picking costs nothing extra. */
let ejectedNow = 0;

/** The cluster's balancer, skipping ejected endpoints. Undefined: the cluster has no endpoints. */
export function pickHealthy(cluster: ClusterRuntime): EndpointPool | undefined {
  const first = cluster.pick();
  if (ejectedNow === 0 || first === undefined || !isEjected(first)) return first;
  for (let i = 1; i < cluster.pools.length; i++) {
    const next = cluster.pick()!;
    if (!isEjected(next)) return next;
  }
  return first; // every endpoint is out: serve anyway rather than answer 503
}

/** A response head arrived from `pool` with `status`. */
export function reportStatus(cluster: ClusterRuntime, pool: EndpointPool, status: number, options: OutlierOptions): void {
  if (status >= 500) return reportFailure(cluster, pool, options);
  const health = HEALTH.get(pool);
  if (health !== undefined) health.failures = 0;
}

/** The connection to `pool` failed or broke before a response. */
export function reportFailure(cluster: ClusterRuntime, pool: EndpointPool, options: OutlierOptions): void {
  let health = HEALTH.get(pool);
  if (health === undefined) HEALTH.set(pool, health = { failures: 0, ejections: 0, ejectedUntil: 0 });
  if (++health.failures < options.consecutiveFailures || isEjected(pool)) return;
  if (!mayEject(cluster, options)) return;
  health.failures = 0;
  health.ejections++;
  health.ejectedUntil = performance.now() + Math.min(options.baseEjectionMs * health.ejections, options.maxEjectionMs);
  ejectedNow++;
}

/** Whether `pool` is out of rotation now (brings it back when its time is up). */
export function isEjected(pool: EndpointPool): boolean {
  const health = HEALTH.get(pool);
  if (health === undefined || health.ejectedUntil === 0) return false;
  if (performance.now() < health.ejectedUntil) return true;
  health.ejectedUntil = 0;
  ejectedNow--;
  return false;
}

function mayEject(cluster: ClusterRuntime, options: OutlierOptions): boolean {
  let out = 0;
  for (const pool of cluster.pools) if (isEjected(pool)) out++;
  const allowed = Math.max(1, Math.floor((cluster.pools.length * options.maxEjectionPercent) / 100));
  return out < allowed;
}
