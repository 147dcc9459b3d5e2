/**
 * A TCP socket (IrSocket protocol TCP): every connection is spliced to a backend of the first
 * TCPRoute of the first listener (the IR lists routes in precedence order; Gateway API serves one
 * TCPRoute per listener). An apply swaps the route; the listening socket and open connections stay.
 */
import net, { type AddressInfo, type Socket } from 'node:net';
import type { Ir, IrSocket } from '../../ir/index.ts';
import { L4Backends } from './l4-backends.ts';
import { splice } from './splice.ts';
import { drainSockets, STREAM_DEFAULTS, type ListenerProblem, type StreamListener, type StreamListenerOptions } from './stream-listener.ts';

interface TcpConfig {
  readonly routeId: string | null;
  readonly backends: L4Backends | null;
}

export class TcpListener implements StreamListener {
  readonly #socketId: string;
  readonly #server: net.Server;
  readonly #connections = new Set<Socket>();
  readonly #options: StreamListenerOptions;
  #config: TcpConfig = { routeId: null, backends: null };
  #closed: Promise<void> | null = null;

  /** Serves nothing until the first `update`. */
  constructor(socketId: string, options: StreamListenerOptions = {}) {
    this.#socketId = socketId;
    this.#options = options;
    // allowHalfOpen: a client's FIN is forwarded to the backend while the backend's answer still flows back.
    this.#server = net.createServer({ allowHalfOpen: true, noDelay: true }, (c) => this.#onConnection(c));
  }

  listen(address: string, port: number): Promise<AddressInfo> {
    return listenOn(this.#server, address, port);
  }

  address(): AddressInfo | null {
    return this.#server.address() as AddressInfo | null;
  }

  update(socket: IrSocket, ir: Ir): readonly ListenerProblem[] {
    const route = socket.listeners.flatMap((l) => l.l4Routes)[0];
    this.#config = route === undefined
      ? { routeId: null, backends: null }
      : { routeId: route.id, backends: new L4Backends(route.backends, ir.clusters) };
    return [];
  }

  close(deadlineMs: number): Promise<void> {
    this.#closed ??= (async () => {
      if (this.#server.listening) this.#server.close();
      await drainSockets(this.#connections, deadlineMs);
    })();
    return this.#closed;
  }

  #onConnection(client: Socket): void {
    const { admit, release } = this.#options;
    if (admit !== undefined && !admit(this.#socketId)) return void client.destroy();
    const { routeId, backends } = this.#config;
    const target = backends?.pick() ?? 'no-route';
    if (typeof target === 'string') {
      this.#options.logger?.warn({ socket: this.#socketId, route: routeId, reason: target }, 'TCP connection refused');
      release?.();
      client.resetAndDestroy();
      return;
    }
    this.#connections.add(client);
    this.#options.onConnectionOpened?.(this.#socketId);
    void splice(client, target, null, {
      connectTimeoutMs: this.#options.connectTimeoutMs ?? STREAM_DEFAULTS.connectTimeoutMs,
      onConnectError: (e, code) => this.#options.onConnectError?.(e.clusterId, `${e.address}:${e.port}`, code),
    }).then(() => {
      release?.();
      this.#connections.delete(client);
      this.#options.onConnectionClosed?.(this.#socketId);
    });
  }
}

export function listenOn(server: net.Server, address: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen({ host: address, port }, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}
