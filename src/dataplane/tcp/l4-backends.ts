/**
 * Backend choice for byte-stream and datagram routes (TCPRoute, UDPRoute, TLSRoute): a weighted
 * pick among the rule's backendRefs, then round-robin among the chosen cluster's ready endpoints.
 * Compiled from the IR alone, so L4 listeners never depend on the HTTP upstream pools.
 */
import type { IrCluster, IrWeightedBackend } from '../../ir/index.ts';
import { BackendTls } from '../upstream/backend-tls.ts';

export interface L4Endpoint {
  readonly clusterId: string;
  readonly address: string;
  readonly port: number;
  /** The cluster's TLS origination (BackendTLSPolicy), used by TLS Terminate listeners to re-encrypt. */
  readonly tls: BackendTls | null;
}

/** Why no endpoint could be chosen: logged, and the connection is closed. */
export type L4PickFailure = 'no-backends' | 'unresolved-backend' | 'no-endpoints';

interface Entry {
  readonly upTo: number;
  readonly cluster: IrCluster | null;
  readonly tls: BackendTls | null;
}

export class L4Backends {
  readonly #entries: readonly Entry[];
  readonly #total: number;
  readonly #next = new Map<string, number>();

  constructor(backends: readonly IrWeightedBackend[], clusters: Readonly<Record<string, IrCluster>>) {
    const entries: Entry[] = [];
    let total = 0;
    for (const b of backends) {
      if (!(b.weight > 0)) continue;
      total += b.weight;
      // A backendRef that could not be resolved keeps its share: those connections are refused,
      // as HTTP routes answer 500 for their share (Gateway API backendRef semantics).
      const cluster = b.clusterId === null ? null : clusters[b.clusterId] ?? null;
      entries.push({ upTo: total, cluster, tls: cluster?.tls ? new BackendTls(cluster.tls, null) : null });
    }
    this.#entries = entries;
    this.#total = total;
  }

  pick(random: number = Math.random()): L4Endpoint | L4PickFailure {
    if (this.#entries.length === 0) return 'no-backends';
    const r = random * this.#total;
    const entry = this.#entries.find((e) => r < e.upTo) ?? this.#entries[this.#entries.length - 1]!;
    const cluster = entry.cluster;
    if (cluster === null) return 'unresolved-backend';
    const n = cluster.endpoints.length;
    if (n === 0) return 'no-endpoints';
    const i = (this.#next.get(cluster.id) ?? 0) % n;
    this.#next.set(cluster.id, i + 1);
    const e = cluster.endpoints[i]!;
    return { clusterId: cluster.id, address: e.address, port: e.port, tls: entry.tls };
  }
}
