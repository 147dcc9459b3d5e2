/**
 * Compiles an IR into what the request path reads: per-socket routers whose routes carry compiled
 * filters, a weighted backend picker and an effective timeout. Built once per apply, then swapped in
 * by one reference per socket; nothing here is mutated afterwards.
 */
import type { Ir, IrHttpRoute, IrListener, IrVirtualHost } from '../ir/index.ts';
import { compileFilterChain, concatChains, type FilterChain } from './filters/index.ts';
import { compileRouter, type Router } from './routing/router.ts';
import { ClusterRuntime, type PoolGeneration, WeightedPicker } from './upstream/index.ts';

export interface BackendTarget {
  /** null when the backendRef could not be resolved: the request gets 500. */
  readonly cluster: ClusterRuntime | null;
  /** Rule filters followed by this backendRef's filters. */
  readonly filters: FilterChain;
}

export interface RouteTarget {
  readonly id: string;
  readonly listenerId: string;
  readonly vhostId: string;
  readonly filters: FilterChain;
  /** Undefined pick: no backend with a positive weight (500). */
  readonly backends: WeightedPicker<BackendTarget>;
  /** Whole-exchange deadline in ms (route timeouts or the gateway default); Infinity for none. */
  readonly timeoutMs: number;
}

export interface RuntimeConfig {
  readonly routers: ReadonlyMap<string, Router<RouteTarget>>;
  readonly clusters: ReadonlyMap<string, ClusterRuntime>;
  /** Route ids → filter kinds they use that this data plane does not implement yet (logged on apply). */
  readonly unsupportedFilters: ReadonlyMap<string, readonly string[]>;
}

export interface RuntimeDefaults {
  /** Used when a route sets no request timeout. */
  readonly requestTimeoutMs: number;
}

export function compileRuntime(ir: Ir, pools: PoolGeneration, defaults: RuntimeDefaults): RuntimeConfig {
  const clusters = new Map<string, ClusterRuntime>();
  for (const [id, cluster] of Object.entries(ir.clusters)) clusters.set(id, new ClusterRuntime(cluster, pools));
  const unsupportedFilters = new Map<string, readonly string[]>();
  const resolve = (route: IrHttpRoute, vhost: IrVirtualHost, listener: IrListener) => {
    const target = compileRoute(route, vhost, listener, clusters, defaults);
    if (target.filters.unsupported.length > 0) unsupportedFilters.set(route.id, target.filters.unsupported);
    return target;
  };
  const routers = new Map<string, Router<RouteTarget>>();
  for (const socket of ir.sockets) {
    // TLS sockets with HTTPS listeners route the decrypted requests of their HTTP engine.
    const https = socket.protocol === 'TLS' && socket.listeners.some((l) => l.protocol === 'HTTPS');
    if (socket.protocol === 'HTTP' || https) routers.set(socket.id, compileRouter(socket, resolve));
  }
  return { routers, clusters, unsupportedFilters };
}

function compileRoute(
  route: IrHttpRoute, vhost: IrVirtualHost, listener: IrListener,
  clusters: ReadonlyMap<string, ClusterRuntime>, defaults: RuntimeDefaults,
): RouteTarget {
  const filters = compileFilterChain(route.filters);
  const backends = new WeightedPicker(route.backends.map((b) => [b.weight, {
    cluster: b.clusterId === null ? null : clusters.get(b.clusterId) ?? null,
    filters: concatChains(filters, compileFilterChain(b.filters)),
  }] as const));
  return { id: route.id, listenerId: listener.id, vhostId: vhost.id, filters, backends, timeoutMs: effectiveTimeout(route, defaults) };
}

/** Gateway API: a zero duration disables a timeout; null means the implementation's default. */
function effectiveTimeout(route: IrHttpRoute, defaults: RuntimeDefaults): number {
  const { requestMs, backendRequestMs } = route.timeouts;
  const request = requestMs === null ? defaults.requestTimeoutMs : requestMs === 0 ? Infinity : requestMs;
  const attempt = backendRequestMs === null || backendRequestMs === 0 ? Infinity : backendRequestMs;
  // Without retries (a later issue) one attempt is the whole exchange, so the shorter bound rules.
  return Math.min(request, attempt);
}
