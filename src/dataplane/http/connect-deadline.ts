/**
 * Backend connect timeout without a timer per connection: sockets still connecting are kept in one
 * set that a shared, unref'd sweep checks; one that is not connected by its deadline is destroyed
 * with ETIMEDOUT, which its UpstreamConnection reports as a connect failure (502, or a retry).
 * Reused keep-alive connections never enter the set, so the common path pays nothing.
 */
import type { Socket } from 'node:net';

const SWEEP_MS = 100;
const connecting = new Map<Socket, number>();
let sweep: NodeJS.Timeout | null = null;

/** Watches `socket` if it is still connecting; it must connect within `timeoutMs`. */
export function watchConnect(socket: Socket | undefined, timeoutMs: number): void {
  if (socket === undefined || !socket.connecting || connecting.has(socket)) return;
  connecting.set(socket, performance.now() + timeoutMs);
  sweep ??= setInterval(sweepConnecting, SWEEP_MS).unref();
}

function sweepConnecting(): void {
  const now = performance.now();
  for (const [socket, deadline] of connecting) {
    if (!socket.connecting || socket.destroyed) connecting.delete(socket);
    else if (now > deadline) {
      connecting.delete(socket);
      socket.destroy(Object.assign(new Error('connect timed out'), { code: 'ETIMEDOUT' }));
    }
  }
  if (connecting.size === 0 && sweep !== null) {
    clearInterval(sweep);
    sweep = null;
  }
}

/** Sockets currently watched (tests). */
export function watchedConnects(): number {
  return connecting.size;
}
