/**
 * The HTTP side of TLS sockets: one non-listening HttpEngine per TLS socket that has HTTPS
 * listeners. The TLS listener terminates TLS, picks the listener by SNI, and hands the decrypted
 * socket over (`handoff`); ALPN `h2` goes to the node:http2 front, the rest to HTTP/1.1. Applies
 * swap the engine's router like a cleartext listener's; a socket that loses its last HTTPS listener,
 * or goes away, drains its engine.
 */
import type tls from 'node:tls';
import type { ConnectionBudget, EdgeLimits } from '../limits.ts';
import type { DataPlaneObserver } from '../observer.ts';
import type { Router } from '../routing/router.ts';
import type { RouteTarget } from '../runtime.ts';
import type { HttpsHandoff } from '../tls/tls-listener.ts';
import { HttpEngine, type HttpEngineOptions } from './engine.ts';

export class HttpsEngines {
  readonly #engines = new Map<string, HttpEngine>();
  readonly #observer: DataPlaneObserver;
  readonly #budget: ConnectionBudget;

  constructor(observer: DataPlaneObserver, budget: ConnectionBudget) {
    // The TLS listener already counts the raw connections of its socket: the engine must not count them again.
    this.#observer = { ...observer, connectionOpened() {}, connectionClosed() {} };
    this.#budget = budget;
  }

  /** What the TLS listener of `socketId` calls with each decrypted HTTPS connection. */
  handoff(socketId: string): HttpsHandoff {
    return (socket: tls.TLSSocket, listenerId: string) => {
      const engine = this.#engines.get(socketId);
      if (engine === undefined) return void socket.destroy();
      engine.acceptConnection(socket, {
        scheme: 'https', peer: socket.remoteAddress ?? '', localPort: socket.localPort ?? 0,
        alpn: socket.alpnProtocol || null, listenerId,
      });
    };
  }

  /** The socket's router for this apply; undefined (no HTTPS listener left) drains its engine. */
  update(socketId: string, router: Router<RouteTarget> | undefined, limits: EdgeLimits, drainMs: number): Promise<void> | null {
    const engine = this.#engines.get(socketId);
    if (router === undefined) return engine === undefined ? null : this.close(socketId, drainMs);
    if (engine !== undefined) {
      engine.swap(router);
      engine.configure(limits);
    } else {
      const options: HttpEngineOptions = { limits, budget: this.#budget };
      this.#engines.set(socketId, new HttpEngine(socketId, router, this.#observer, options));
    }
    return null;
  }

  close(socketId: string, deadlineMs: number): Promise<void> {
    const engine = this.#engines.get(socketId);
    this.#engines.delete(socketId);
    return engine?.close(deadlineMs) ?? Promise.resolve();
  }

  async closeAll(deadlineMs: number): Promise<void> {
    await Promise.all([...this.#engines.keys()].map((id) => this.close(id, deadlineMs)));
  }
}
