/**
 * Compiles an IR into what the request path reads: per-socket routers whose routes carry compiled
 * filters, a weighted backend picker and an effective timeout. Built once per apply, then swapped in
 * by one reference per socket; nothing here is mutated afterwards.
 */
import type { Ir, IrHttpRoute, IrListener, IrSocket, IrVirtualHost } from '../ir/index.ts';
import { compileFilterChain, concatChains, type FilterChain } from './filters/index.ts';
import { compileRouter, type Router } from './routing/router.ts';
import { ClusterRuntime, type PoolGeneration, WeightedPicker } from './upstream/index.ts';
import type { MirrorTarget } from './upstream/mirror.ts';
import { compileRetry, type RetryPolicy } from './upstream/retry-policy.ts';
import { SessionPersistence } from './upstream/session-persistence.ts';

export interface BackendTarget {
  /** null when the backendRef could not be resolved: the request gets 500. */
  readonly cluster: ClusterRuntime | null;
  /** Rule filters followed by this backendRef's filters. */
  readonly filters: FilterChain;
  /** RequestMirrors of the rule and this backendRef whose cluster resolved. */
  readonly mirrors: readonly MirrorTarget[];
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
  /** The route set no request timeout: `timeoutMs` is the gateway's response-head deadline only. */
  readonly timeoutEndsAtHead: boolean;
  /** Deadline of one attempt when it is shorter than the whole and retries may follow it; else Infinity. */
  readonly attemptTimeoutMs: number;
  readonly retry: RetryPolicy | null;
  readonly session: SessionPersistence<BackendTarget> | null;
}

export interface RuntimeConfig {
  readonly routers: ReadonlyMap<string, Router<RouteTarget>>;
  readonly clusters: ReadonlyMap<string, ClusterRuntime>;
  /** Route ids → filter kinds they use that this data plane does not implement yet (logged on apply). */
  readonly unsupportedFilters: ReadonlyMap<string, readonly string[]>;
}

export interface RuntimeDefaults {
  /** Response-head deadline of the socket's routes that set no request timeout. */
  routeTimeoutMs(socket: IrSocket): number;
}

export function compileRuntime(ir: Ir, pools: PoolGeneration, defaults: RuntimeDefaults): RuntimeConfig {
  const clusters = new Map<string, ClusterRuntime>();
  for (const [id, cluster] of Object.entries(ir.clusters)) clusters.set(id, new ClusterRuntime(cluster, pools));
  const unsupportedFilters = new Map<string, readonly string[]>();
  const routers = new Map<string, Router<RouteTarget>>();
  for (const socket of ir.sockets) {
    // TLS sockets with HTTPS listeners route the decrypted requests of their HTTP engine.
    const https = socket.protocol === 'TLS' && socket.listeners.some((l) => l.protocol === 'HTTPS');
    if (socket.protocol !== 'HTTP' && !https) continue;
    const routeTimeoutMs = defaults.routeTimeoutMs(socket);
    routers.set(socket.id, compileRouter(socket, (route: IrHttpRoute, vhost: IrVirtualHost, listener: IrListener) => {
      const target = compileRoute(route, vhost, listener, clusters, routeTimeoutMs);
      if (target.filters.unsupported.length > 0) unsupportedFilters.set(route.id, target.filters.unsupported);
      return target;
    }));
  }
  return { routers, clusters, unsupportedFilters };
}

function compileRoute(
  route: IrHttpRoute, vhost: IrVirtualHost, listener: IrListener,
  clusters: ReadonlyMap<string, ClusterRuntime>, routeTimeoutMs: number,
): RouteTarget {
  const filters = compileFilterChain(route.filters);
  const targets = route.backends.map((b) => {
    const chain = concatChains(filters, compileFilterChain(b.filters));
    const target: BackendTarget = { cluster: b.clusterId === null ? null : clusters.get(b.clusterId) ?? null, filters: chain, mirrors: resolveMirrors(chain, clusters) };
    return [b.weight, target] as const;
  });
  const backends = new WeightedPicker(targets);
  const retry = compileRetry(route.retry);
  const session = route.sessionPersistence === null ? null : new SessionPersistence(route.sessionPersistence, route.match.path,
    targets.filter(([w, t]) => w > 0 && t.cluster !== null).map(([, t]) => ({ backend: t, pools: t.cluster!.pools })));
  const [timeoutMs, attemptTimeoutMs] = effectiveTimeouts(route, routeTimeoutMs, retry !== null);
  const timeoutEndsAtHead = route.timeouts.requestMs === null && timeoutMs === routeTimeoutMs;
  return { id: route.id, listenerId: listener.id, vhostId: vhost.id, filters, backends, timeoutMs, timeoutEndsAtHead, attemptTimeoutMs, retry, session };
}

const NO_MIRRORS: readonly MirrorTarget[] = [];

function resolveMirrors(chain: FilterChain, clusters: ReadonlyMap<string, ClusterRuntime>): readonly MirrorTarget[] {
  if (chain.mirrors.length === 0) return NO_MIRRORS;
  const out: MirrorTarget[] = [];
  for (const m of chain.mirrors) {
    const cluster = m.clusterId === null ? undefined : clusters.get(m.clusterId);
    if (cluster !== undefined && m.percent > 0) out.push({ cluster, percent: m.percent });
  }
  return out.length === 0 ? NO_MIRRORS : out;
}

/**
 * Gateway API: a zero duration disables a timeout; null means the implementation's default, here a
 * response-head deadline (the spec leaves it to the implementation; a whole-exchange default would
 * cut long downloads, gRPC streams and long polls, which stream idle bounds instead).
 * Returns [whole exchange, one attempt]. Without retries one attempt is the whole exchange, so the
 * shorter bound rules alone; with retries an attempt that times out is retried within the whole.
 */
function effectiveTimeouts(route: IrHttpRoute, routeTimeoutMs: number, retries: boolean): [number, number] {
  const { requestMs, backendRequestMs } = route.timeouts;
  const request = requestMs === null ? routeTimeoutMs : requestMs === 0 ? Infinity : requestMs;
  const attempt = backendRequestMs === null || backendRequestMs === 0 ? Infinity : backendRequestMs;
  if (!retries || attempt >= request) return [Math.min(request, attempt), Infinity];
  return [request, attempt];
}
