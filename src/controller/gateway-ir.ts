/**
 * One Gateway's share of the IR: the sockets with its listeners (ListenerSet listeners included,
 * they name their parent Gateway) and only the clusters those listeners' routes use. Each
 * provisioned proxy receives exactly this, never another Gateway's routes, backends or keys.
 */
import type { Ir, IrCluster, IrHttpFilter, IrListener, IrSocket, IrSocketLimits, IrWeightedBackend } from '../ir/index.ts';
import { strictest } from '../translator/limits.ts';

export function gatewayIr(ir: Ir, namespace: string, name: string): Ir {
  const sockets = ir.sockets
    .map((s) => ownSocket(s, s.listeners.filter((l) => l.gateway.namespace === namespace && l.gateway.name === name)))
    .filter((s) => s.listeners.length > 0);
  const used = new Set<string>();
  for (const socket of sockets) for (const listener of socket.listeners) collectClusters(listener, used);
  const clusters: Record<string, IrCluster> = {};
  for (const id of Object.keys(ir.clusters).sort()) if (used.has(id)) clusters[id] = ir.clusters[id]!;
  return { sockets, clusters };
}

/** The socket with only these listeners, and limits from them alone (not from other Gateways sharing it). */
function ownSocket(socket: IrSocket, listeners: readonly IrListener[]): IrSocket {
  const { limits: _shared, ...rest } = socket;
  const limits = listeners.reduce<IrSocketLimits | null>((acc, l) => strictest(acc, l.limits ?? null), null);
  return { ...rest, listeners, ...(limits !== null && { limits }) };
}

function collectClusters(listener: IrListener, used: Set<string>): void {
  const addBackends = (backends: readonly IrWeightedBackend[]) => {
    for (const b of backends) {
      if (b.clusterId) used.add(b.clusterId);
      addFilters(b.filters);
    }
  };
  const addFilters = (filters: readonly IrHttpFilter[]) => {
    for (const f of filters) if (f.type === 'RequestMirror' && f.clusterId) used.add(f.clusterId);
  };
  for (const host of listener.virtualHosts) {
    for (const route of host.routes) {
      addFilters(route.filters);
      addBackends(route.backends);
    }
  }
  for (const route of listener.tlsRoutes) addBackends(route.backends);
  for (const route of listener.l4Routes) addBackends(route.backends);
}

/**
 * The ports a Gateway's Service and containers expose: every listener port it declares (so the
 * Service exists, and its address is known, even while a listener is invalid) plus the ports of
 * ListenerSet listeners attached to it (from its sockets).
 */
export function gatewayPorts(ir: Ir, declared: readonly { port: number; protocol: string }[] = []): { port: number; protocol: 'TCP' | 'UDP' }[] {
  const seen = new Map<string, { port: number; protocol: 'TCP' | 'UDP' }>();
  const add = (port: number, wire: string) => {
    const protocol = wire === 'UDP' ? 'UDP' : 'TCP';
    if (Number.isInteger(port) && port > 0 && port < 65536) seen.set(`${protocol}/${port}`, { port, protocol });
  };
  for (const l of declared) add(l.port, l.protocol);
  for (const s of ir.sockets) add(s.port, s.protocol);
  return [...seen.values()].sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
}
