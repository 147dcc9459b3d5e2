/**
 * Client flows of one UDP socket: each client address:port gets its own connected upstream socket
 * to one endpoint (chosen once, so a client's datagrams keep reaching the same backend), and
 * replies on it go back to that client from the gateway's socket. Idle flows expire; the number of
 * flows is bounded so a spray of source ports cannot exhaust file descriptors.
 */
import dgram from 'node:dgram';
import { isIPv6 } from 'node:net';
import type { L4Endpoint } from '../tcp/l4-backends.ts';

export interface FlowOptions {
  readonly idleTimeoutMs: number;
  readonly maxFlows: number;
  /** Sends a backend's reply to the client through the listening socket. */
  readonly reply: (msg: Buffer, clientAddress: string, clientPort: number) => void;
}

interface Flow {
  readonly upstream: dgram.Socket;
  /** Datagrams that arrived before the upstream socket was connected. */
  pending: Buffer[] | null;
  lastActive: number;
}

export class UdpFlows {
  readonly #flows = new Map<string, Flow>();
  readonly #options: FlowOptions;
  readonly #sweeper: NodeJS.Timeout;
  /** Datagrams dropped because the flow table was full. */
  dropped = 0;

  constructor(options: FlowOptions) {
    this.#options = options;
    // One timer for all flows: a sweep every quarter of the idle time bounds expiry lateness to 25%.
    this.#sweeper = setInterval(() => this.#expire(), Math.max(10, Math.floor(options.idleTimeoutMs / 4)));
    this.#sweeper.unref();
  }

  get size(): number {
    return this.#flows.size;
  }

  /** Forwards one client datagram, opening the client's flow with `choose()` when it has none. */
  forward(msg: Buffer, address: string, port: number, choose: () => L4Endpoint | null): void {
    const key = `${address}|${port}`;
    let flow = this.#flows.get(key);
    if (flow === undefined) {
      if (this.#flows.size >= this.#options.maxFlows) { this.dropped++; return; }
      const endpoint = choose();
      if (endpoint === null) return;
      flow = this.#open(key, endpoint, address, port);
    }
    flow.lastActive = Date.now();
    if (flow.pending !== null) flow.pending.push(msg);
    else flow.upstream.send(msg);
  }

  closeAll(): void {
    clearInterval(this.#sweeper);
    for (const key of [...this.#flows.keys()]) this.#close(key);
  }

  #open(key: string, endpoint: L4Endpoint, address: string, port: number): Flow {
    const upstream = dgram.createSocket(isIPv6(endpoint.address) ? 'udp6' : 'udp4');
    const flow: Flow = { upstream, pending: [], lastActive: Date.now() };
    this.#flows.set(key, flow);
    upstream.on('message', (reply) => {
      flow.lastActive = Date.now();
      this.#options.reply(reply, address, port);
    });
    // ICMP port unreachable and the like surface as errors on a connected socket: end the flow,
    // the client's next datagram opens a new one (possibly to another endpoint).
    upstream.on('error', () => this.#close(key));
    upstream.connect(endpoint.port, endpoint.address, () => {
      const pending = flow.pending ?? [];
      flow.pending = null;
      for (const m of pending) upstream.send(m);
    });
    return flow;
  }

  #close(key: string): void {
    const flow = this.#flows.get(key);
    if (flow === undefined) return;
    this.#flows.delete(key);
    try { flow.upstream.close(); } catch { /* already closed */ }
  }

  #expire(): void {
    const cutoff = Date.now() - this.#options.idleTimeoutMs;
    for (const [key, flow] of this.#flows) if (flow.lastActive <= cutoff) this.#close(key);
  }
}
