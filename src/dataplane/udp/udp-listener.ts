/**
 * A UDP socket (IrSocket protocol UDP): datagrams are relayed per client flow (see udp-flows.ts) to
 * backends of the first UDPRoute. An apply swaps the route for new flows; existing flows keep their
 * endpoint until they go idle, and the socket is never rebound.
 *
 * Under node:cluster workers each worker reads from the shared socket, so one client's datagrams
 * may open a flow in more than one worker (each still answers from the same gateway port).
 */
import dgram from 'node:dgram';
import { isIPv6, type AddressInfo } from 'node:net';
import type { Ir, IrSocket } from '../../ir/index.ts';
import { L4Backends } from '../tcp/l4-backends.ts';
import { STREAM_DEFAULTS, type ListenerProblem, type StreamListener, type StreamListenerOptions } from '../tcp/stream-listener.ts';
import { UdpFlows } from './udp-flows.ts';

export class UdpListener implements StreamListener {
  readonly #socketId: string;
  readonly #options: StreamListenerOptions;
  #socket: dgram.Socket | null = null;
  #flows: UdpFlows | null = null;
  #routeId: string | null = null;
  #backends: L4Backends | null = null;
  #closed = false;

  /** Serves nothing until the first `update`. */
  constructor(socketId: string, options: StreamListenerOptions = {}) {
    this.#socketId = socketId;
    this.#options = options;
  }

  listen(address: string, port: number): Promise<AddressInfo> {
    const socket = dgram.createSocket(isIPv6(address) ? 'udp6' : 'udp4');
    return new Promise((resolve, reject) => {
      socket.once('error', (err) => {
        socket.close();
        reject(err);
      });
      socket.bind(port, address, () => {
        socket.removeAllListeners('error');
        // A send error towards one client (e.g. EHOSTUNREACH) must not end the socket.
        socket.on('error', (err) => this.#options.logger?.warn({ socket: this.#socketId, err: err.message }, 'UDP socket error'));
        this.#socket = socket;
        this.#flows = new UdpFlows({
          idleTimeoutMs: this.#options.udpIdleTimeoutMs ?? STREAM_DEFAULTS.udpIdleTimeoutMs,
          maxFlows: this.#options.udpMaxFlows ?? STREAM_DEFAULTS.udpMaxFlows,
          reply: (msg, a, p) => socket.send(msg, p, a),
        });
        socket.on('message', (msg, rinfo) => this.#flows!.forward(msg, rinfo.address, rinfo.port, () => this.#choose()));
        resolve(socket.address());
      });
    });
  }

  address(): AddressInfo | null {
    return this.#socket === null || this.#closed ? null : this.#socket.address();
  }

  /** Client flows open now (for tests and metrics). */
  flowCount(): number {
    return this.#flows?.size ?? 0;
  }

  update(socket: IrSocket, ir: Ir): readonly ListenerProblem[] {
    const route = socket.listeners.flatMap((l) => l.l4Routes)[0];
    this.#routeId = route?.id ?? null;
    this.#backends = route === undefined ? null : new L4Backends(route.backends, ir.clusters);
    return [];
  }

  async close(_deadlineMs: number): Promise<void> {
    // Datagrams have no connection to finish: stop at once.
    if (this.#closed) return;
    this.#closed = true;
    this.#flows?.closeAll();
    await new Promise<void>((r) => (this.#socket === null ? r() : this.#socket.close(() => r())));
  }

  #choose() {
    const target = this.#backends?.pick() ?? 'no-route';
    if (typeof target !== 'string') return target;
    this.#options.logger?.warn({ socket: this.#socketId, route: this.#routeId, reason: target }, 'UDP datagram dropped');
    return null;
  }
}
