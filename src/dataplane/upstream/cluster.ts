/** One upstream cluster as the data plane serves it: its endpoint pools and the balancer. */
import type { IrCluster } from '../../ir/index.ts';
import { alpnFor, BackendTls } from './backend-tls.ts';
import type { EndpointPool } from './endpoint-pool.ts';
import type { PoolGeneration } from './pool-registry.ts';

export class ClusterRuntime {
  readonly id: string;
  readonly pools: readonly EndpointPool[];
  #next = 0;

  constructor(cluster: IrCluster, pools: PoolGeneration) {
    this.id = cluster.id;
    const tls = cluster.tls === null ? null : new BackendTls(cluster.tls, alpnFor(cluster.protocol));
    this.pools = cluster.endpoints.map((e) => pools.acquire(cluster.id, e, tls));
    for (const pool of this.pools) pool.useH2(cluster.protocol === 'H2C');
  }

  /**
   * Round-robin, skipping to the less loaded of two neighbours when the chosen one is busier
   * (a cheap step towards least-request without scanning every endpoint). Undefined: no endpoints.
   */
  pick(): EndpointPool | undefined {
    const n = this.pools.length;
    if (n <= 1) return this.pools[0];
    const i = this.#next;
    this.#next = (i + 1) % n;
    const a = this.pools[i]!;
    const b = this.pools[(i + 1) % n]!;
    return b.active < a.active ? b : a;
  }
}
