/**
 * Small builders for hand-written IRs in data plane tests. Every field the translator would fill is
 * given a neutral default so a test names only what it is about.
 */
import type {
  Ir, IrCluster, IrEndpoint, IrHttpFilter, IrHttpMatch, IrHttpRoute, IrListener, IrSocket, IrTimeouts,
  IrVirtualHost, IrWeightedBackend,
} from '../../ir/index.ts';

export interface RouteSpec {
  readonly id?: string;
  readonly match?: Partial<IrHttpMatch>;
  readonly filters?: readonly IrHttpFilter[];
  /** Shorthand: one backend with weight 1. */
  readonly clusterId?: string | null;
  readonly backends?: readonly IrWeightedBackend[];
  readonly timeouts?: Partial<IrTimeouts>;
}

let routeCounter = 0;

export function route(spec: RouteSpec = {}): IrHttpRoute {
  const id = spec.id ?? `httproute/default/r${routeCounter++}/rule/0/match/0`;
  const backends = spec.backends ?? (spec.clusterId === undefined ? [] : [backend(spec.clusterId)]);
  return {
    id,
    source: { kind: 'HTTPRoute', namespace: 'default', name: id, ruleIndex: 0, ruleName: null, matchIndex: 0 },
    match: {
      path: spec.match?.path ?? { type: 'PathPrefix', value: '/' },
      headers: spec.match?.headers ?? [],
      queryParams: spec.match?.queryParams ?? [],
      method: spec.match?.method ?? null,
    },
    filters: spec.filters ?? [],
    backends,
    timeouts: { requestMs: spec.timeouts?.requestMs ?? null, backendRequestMs: spec.timeouts?.backendRequestMs ?? null },
    retry: null,
    sessionPersistence: null,
    grpc: false,
  };
}

export function backend(clusterId: string | null, weight = 1, filters: readonly IrHttpFilter[] = []): IrWeightedBackend {
  return { weight, clusterId, filters };
}

export function vhost(hostname: string, routes: readonly IrHttpRoute[], listenerId = 'gateway/default/gw/listener/http'): IrVirtualHost {
  return { id: `${listenerId}/host/${hostname}`, hostname, routes };
}

export function listener(name: string, hostname: string | null, virtualHosts: readonly IrVirtualHost[]): IrListener {
  return {
    id: `gateway/default/gw/listener/${name}`,
    gateway: { kind: 'Gateway', namespace: 'default', name: 'gw' },
    name,
    protocol: 'HTTP',
    hostname,
    tls: null,
    virtualHosts,
    tlsRoutes: [],
    l4Routes: [],
  };
}

export function httpSocket(listeners: readonly IrListener[], port = 0, address = '127.0.0.1', id?: string): IrSocket {
  return { id: id ?? `HTTP/${address}:${port}`, protocol: 'HTTP', address, port, listeners };
}

export function cluster(id: string, endpoints: readonly IrEndpoint[]): IrCluster {
  return { id, protocol: 'HTTP', endpoints, tls: null };
}

/** One socket, one catch-all listener and vhost holding `routes`. */
export function simpleIr(routes: readonly IrHttpRoute[], clusters: readonly IrCluster[], port = 0, socketId?: string): Ir {
  return {
    sockets: [httpSocket([listener('http', null, [vhost('*', routes)])], port, '127.0.0.1', socketId)],
    clusters: Object.fromEntries(clusters.map((c) => [c.id, c])),
  };
}
