/**
 * Keep-alive connections to one endpoint of one cluster. Wraps a node:http Agent (LIFO, so the
 * warmest socket is reused and idle ones age out). `close()` drains: no new requests, idle sockets
 * are closed at once and busy ones when their response ends; `destroy()` cuts everything.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import type { IrEndpoint } from '../../ir/index.ts';

export interface PoolOptions {
  /** Idle keep-alive sockets are closed after this long. */
  readonly idleTimeoutMs: number;
  /** Upper bound of open sockets to this endpoint (queued beyond). */
  readonly maxSockets: number;
}

export class EndpointPool {
  readonly key: string;
  readonly clusterId: string;
  readonly address: string;
  readonly port: number;
  /** Requests in flight, for least-request balancing and metrics. */
  active = 0;
  readonly agent: http.Agent;
  #closing = false;

  constructor(clusterId: string, endpoint: IrEndpoint, options: PoolOptions) {
    this.key = poolKey(clusterId, endpoint);
    this.clusterId = clusterId;
    this.address = endpoint.address;
    this.port = endpoint.port;
    this.agent = new http.Agent({
      keepAlive: true,
      scheduling: 'lifo',
      timeout: options.idleTimeoutMs,
      maxSockets: options.maxSockets,
    });
    const keepSocketAlive = this.agent.keepSocketAlive.bind(this.agent);
    // While draining, a socket that finishes its response is closed instead of pooled.
    this.agent.keepSocketAlive = (socket: Socket) => !this.#closing && keepSocketAlive(socket);
  }

  get closing(): boolean {
    return this.#closing;
  }

  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    for (const sockets of Object.values(this.agent.freeSockets)) for (const s of sockets ?? []) s.destroy();
  }

  destroy(): void {
    this.#closing = true;
    this.agent.destroy();
  }
}

export function poolKey(clusterId: string, endpoint: IrEndpoint): string {
  return `${clusterId}|${endpoint.address}|${endpoint.port}`;
}
