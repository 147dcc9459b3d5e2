/**
 * Endpoint pools across IRs: an apply asks for the pools of the new IR; pools whose key (cluster id +
 * endpoint + TLS fingerprint) is unchanged are handed back as they are, keeping their warm connections; the rest are
 * drained. Requests still running on an old config keep their pool object until they finish.
 */
import type { IrEndpoint } from '../../ir/index.ts';
import type { BackendTls } from './backend-tls.ts';
import { EndpointPool, poolKey, type PoolOptions } from './endpoint-pool.ts';

export class PoolRegistry {
  readonly #options: PoolOptions;
  #pools = new Map<string, EndpointPool>();

  constructor(options: PoolOptions) {
    this.#options = options;
  }

  /** Starts a generation: pools acquired until `commit` survive it. */
  begin(): PoolGeneration {
    const previous = this.#pools;
    const next = new Map<string, EndpointPool>();
    return {
      acquire: (clusterId: string, endpoint: IrEndpoint, tls: BackendTls | null = null) => {
        const key = poolKey(clusterId, endpoint, tls);
        let pool = next.get(key) ?? previous.get(key);
        if (pool === undefined) pool = new EndpointPool(clusterId, endpoint, this.#options, tls);
        next.set(key, pool);
        return pool;
      },
      commit: () => {
        for (const [key, pool] of previous) if (!next.has(key)) pool.close();
        this.#pools = next;
      },
    };
  }

  get size(): number {
    return this.#pools.size;
  }

  closeAll(): void {
    for (const pool of this.#pools.values()) pool.close();
    this.#pools = new Map();
  }

  destroyAll(): void {
    for (const pool of this.#pools.values()) pool.destroy();
    this.#pools = new Map();
  }
}

export interface PoolGeneration {
  /** `tls` (null: cleartext) is part of the key, so a changed TLS setting gets a new pool. */
  acquire(clusterId: string, endpoint: IrEndpoint, tls?: BackendTls | null): EndpointPool;
  /** Drains the pools of the previous generation that this one did not acquire. */
  commit(): void;
}
