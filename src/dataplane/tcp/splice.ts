/**
 * Joins a client stream to a backend TCP connection: bytes both ways with backpressure (pipe), FIN
 * forwarded each way on its own (half-close), and both sides destroyed on any error or once both
 * directions have ended. `head` (bytes already read from the client, e.g. a peeked ClientHello) is
 * written to the backend first.
 */
import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { L4Endpoint } from './l4-backends.ts';

export interface SpliceOptions {
  readonly connectTimeoutMs: number;
  /** Connect to the backend over TLS when its cluster has TLS settings (TLS Terminate re-encrypts). */
  readonly originateTls?: boolean;
  /** Called once when the backend could not be reached (refused, timeout...). */
  readonly onConnectError?: (endpoint: L4Endpoint, code: string) => void;
}

/** Resolves when both sockets are closed. */
export function splice(client: Duplex, endpoint: L4Endpoint, head: Buffer | null, options: SpliceOptions): Promise<void> {
  return new Promise((resolve) => {
    const tls = options.originateTls ? endpoint.tls : null;
    const upstream = tls === null
      ? net.connect({ host: endpoint.address, port: endpoint.port, allowHalfOpen: true, noDelay: true })
      : tls.connect(endpoint.address, endpoint.port, { allowHalfOpen: true });
    let connected = false;
    let open = 2;
    const closed = () => { if (--open === 0) resolve(); };
    const fail = () => {
      client.destroy();
      upstream.destroy();
    };
    const timer = setTimeout(() => {
      options.onConnectError?.(endpoint, 'ETIMEDOUT');
      fail();
    }, options.connectTimeoutMs);
    // Until connected, the client's bytes wait in its own buffer (paused), not in ours.
    client.pause();
    // Over TLS the backend is reached once the handshake verified it (a refused certificate is a connect error).
    upstream.once(tls === null ? 'connect' : 'secureConnect', () => {
      connected = true;
      clearTimeout(timer);
      if (head !== null && head.length > 0) upstream.write(head);
      client.pipe(upstream);
      upstream.pipe(client);
    });
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (!connected) {
        clearTimeout(timer);
        options.onConnectError?.(endpoint, err.code ?? 'UNKNOWN');
      }
      fail();
    });
    client.on('error', fail);
    // pipe() ends the other side on 'end' (half-close); a side is done when it has closed.
    upstream.once('close', () => { clearTimeout(timer); if (!client.destroyed && !client.writableEnded) client.destroy(); closed(); });
    client.once('close', () => { if (!upstream.destroyed && !upstream.writableEnded) upstream.destroy(); closed(); });
  });
}
