/**
 * A provisioned proxy binds every socket of its Gateway on its own pod address (by default all
 * interfaces): the Gateway's reachable addresses belong to its Service, not to the pod. The
 * controller sends sockets on the wildcard; the proxy rewrites them to `--bind-address` (tests
 * use 127.0.0.1) and merges sockets that become the same address:port.
 */
import type { Ir, IrSocket } from '../ir/index.ts';

export function bindSocketsTo(ir: Ir, address: string): Ir {
  const sockets = new Map<string, IrSocket>();
  for (const socket of ir.sockets) {
    const id = `${socket.protocol}/${address}:${socket.port}`; // the translator's socket id form
    const existing = sockets.get(id);
    const listeners = existing ? [...existing.listeners, ...socket.listeners.filter((l) => !existing.listeners.some((e) => e.id === l.id))] : socket.listeners;
    sockets.set(id, { ...socket, id, address, listeners });
  }
  return { ...ir, sockets: [...sockets.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}
