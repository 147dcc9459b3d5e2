/**
 * One cleartext HTTP socket: a net.Server whose connections go to an HttpEngine (HTTP/1.1, and
 * HTTP/2 with prior knowledge on the same port). An apply swaps the engine's router without
 * touching the socket.
 */
import net, { type AddressInfo } from 'node:net';
import type { EdgeLimits } from '../limits.ts';
import type { DataPlaneObserver } from '../observer.ts';
import type { Router } from '../routing/router.ts';
import type { RouteTarget } from '../runtime.ts';
import { HttpEngine, type HttpEngineOptions } from './engine.ts';

export type HttpListenerOptions = HttpEngineOptions;

export class HttpListener {
  readonly engine: HttpEngine;
  readonly #server: net.Server;
  #closed: Promise<void> | null = null;

  constructor(socketId: string, router: Router<RouteTarget>, observer: DataPlaneObserver, options: HttpListenerOptions) {
    this.engine = new HttpEngine(socketId, router, observer, options);
    // allowHalfOpen: a client that half-closes after its request still gets the answer.
    this.#server = net.createServer({ allowHalfOpen: true, noDelay: true }, (socket) => {
      this.engine.acceptConnection(socket, { scheme: 'http', peer: socket.remoteAddress ?? '', localPort: socket.localPort ?? 0 });
    });
  }

  listen(address: string, port: number): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.#server.once('error', onError);
      this.#server.listen({ host: address, port }, () => {
        this.#server.off('error', onError);
        resolve(this.#server.address() as AddressInfo);
      });
    });
  }

  address(): AddressInfo | null {
    return this.#server.address() as AddressInfo | null;
  }

  swap(router: Router<RouteTarget>, limits: EdgeLimits): void {
    this.engine.swap(router);
    this.engine.configure(limits);
  }

  /** Stops accepting, lets requests in flight finish until `deadlineMs`, then destroys what is left. */
  close(deadlineMs: number): Promise<void> {
    this.#closed ??= (async () => {
      if (this.#server.listening) this.#server.close();
      await this.engine.close(deadlineMs);
    })();
    return this.#closed;
  }
}
