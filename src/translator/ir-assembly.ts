/**
 * Phase 5 (IR half): sockets from ready listeners. One socket per (protocol family, address,
 * port), shared by every Gateway that binds that address:port: HTTP listeners on `HTTP/…`, HTTPS
 * and TLS listeners on `TLS/…` (SNI picks the listener), TCP on `TCP/…`, UDP on `UDP/…`.
 * Listeners that are not Programmed never reach the IR. Output order never depends on input
 * order: sockets by id, listeners by hostname specificity then id, clusters by key.
 */
import type { Ir, IrCluster, IrListener, IrSocket, IrSocketLimits } from '../ir/index.ts';
import type { GatewayContext, ListenerContext, RouteTranslation } from './context.ts';
import { strictest } from './limits.ts';

type SocketProtocol = IrSocket['protocol'];

const SOCKET_PROTOCOL: Readonly<Record<string, SocketProtocol>> = { HTTP: 'HTTP', HTTPS: 'TLS', TLS: 'TLS', TCP: 'TCP', UDP: 'UDP' };

export function assembleIr(
  gateways: readonly GatewayContext[], routes: RouteTranslation,
  limitsOf: (gateway: GatewayContext) => IrSocketLimits | null = () => null,
): Ir {
  const sockets = new Map<string, { protocol: SocketProtocol; address: string; port: number; listeners: IrListener[]; limits: IrSocketLimits | null }>();
  for (const gateway of gateways) {
    const limits = limitsOf(gateway);
    for (const listener of gateway.listeners) {
      const protocol = SOCKET_PROTOCOL[listener.protocol];
      if (!listener.ready || !protocol) continue;
      for (const address of gateway.addresses) {
        const id = `${protocol}/${address}:${listener.port}`;
        let socket = sockets.get(id);
        if (!socket) sockets.set(id, (socket = { protocol, address, port: listener.port, listeners: [], limits: null }));
        socket.listeners.push(irListener(gateway, listener, routes, limits));
        socket.limits = strictest(socket.limits, limits);
      }
    }
  }
  const irSockets: IrSocket[] = [...sockets.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([id, s]) => ({
      id, protocol: s.protocol, address: s.address, port: s.port, listeners: s.listeners.sort(byHostnameSpecificity),
      ...(s.limits !== null && { limits: s.limits }),
    }));
  const clusters: Record<string, IrCluster> = {};
  for (const id of [...routes.clusters.keys()].sort(compareStrings)) clusters[id] = routes.clusters.get(id)!;
  return { sockets: irSockets, clusters };
}

/** ListenerSet listeners name their parent Gateway in `gateway`; their id names the ListenerSet. */
function irListener(gateway: GatewayContext, listener: ListenerContext, routes: RouteTranslation, limits: IrSocketLimits | null): IrListener {
  const attached = routes.listenerRoutes.get(listener.id);
  const { namespace, name } = gateway.gateway.metadata;
  return {
    id: listener.id,
    gateway: { kind: 'Gateway', namespace, name },
    name: listener.name,
    protocol: listener.protocol as IrListener['protocol'],
    hostname: listener.hostname,
    tls: listener.tls,
    virtualHosts: listener.protocol === 'HTTP' || listener.protocol === 'HTTPS' ? (attached?.virtualHosts ?? []) : [],
    tlsRoutes: listener.protocol === 'TLS' ? (attached?.tlsRoutes ?? []) : [],
    l4Routes: listener.protocol === 'TCP' || listener.protocol === 'UDP' ? (attached?.l4Routes ?? []) : [],
    ...(limits !== null && { limits }),
  };
}

/**
 * The spec's listener precedence: exact hostnames, then wildcards with more labels to the right of
 * the `*` first (`*.foo.example.com` before `*.example.com`), then no hostname; ties by id.
 */
export function byHostnameSpecificity(a: IrListener, b: IrListener): number {
  const rank = (h: string | null) => (h === null ? 2 : h.startsWith('*.') ? 1 : 0);
  const ra = rank(a.hostname);
  const rb = rank(b.hostname);
  if (ra !== rb) return ra - rb;
  if (ra === 1) {
    const labels = (h: string) => h.split('.').length;
    const byLabels = labels(b.hostname!) - labels(a.hostname!);
    if (byLabels !== 0) return byLabels;
  }
  return compareStrings(a.id, b.id);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
