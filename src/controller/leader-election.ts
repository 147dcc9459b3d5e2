/**
 * Leader election on a coordination.k8s.io/v1 Lease, as client-go's leaderelection does:
 *
 * - acquire: create the Lease, or take it over when its holder has not renewed for
 *   leaseDurationSeconds as observed on *our* clock (the holder's renewTime is not compared with
 *   our clock, so skew between nodes does not matter);
 * - renew every retryPeriod; a leader that cannot renew within renewDeadline stops leading before
 *   anyone else may take over (renewDeadline < leaseDuration);
 * - every write carries the resourceVersion read, so two candidates cannot both win (409 loses);
 * - release on shutdown: clear the holder so a standby takes over at its next retry, not after expiry.
 */
import type { Logger } from '../observability/index.ts';
import { KubeApiError, sleep, type KubeClient } from '../providers/kubernetes/index.ts';
import { CORE_RESOURCES, objectPath, collectionPath } from '../providers/kubernetes/index.ts';

export interface LeaderElectionOptions {
  readonly client: KubeClient;
  readonly namespace: string;
  readonly name: string;
  readonly identity: string;
  readonly logger: Logger;
  readonly leaseDurationSeconds?: number;
  readonly renewDeadlineMs?: number;
  readonly retryPeriodMs?: number;
  readonly onChange: (leading: boolean) => void;
}

interface Lease {
  metadata: { name: string; namespace?: string; resourceVersion?: string };
  spec?: { holderIdentity?: string | null; leaseDurationSeconds?: number; acquireTime?: string; renewTime?: string; leaseTransitions?: number };
}

/** Kubernetes MicroTime: RFC 3339 with microseconds. */
const microTime = () => new Date().toISOString().replace(/Z$/, '000Z');

export class LeaderElector {
  readonly #o: LeaderElectionOptions;
  #leading = false;
  #observed: { key: string; at: number } | null = null;
  #lastRenew = 0;

  constructor(options: LeaderElectionOptions) {
    this.#o = options;
  }

  get leading(): boolean {
    return this.#leading;
  }

  /** Campaigns and renews until `signal` aborts, then releases the Lease if held. */
  async run(signal: AbortSignal): Promise<void> {
    const retry = this.#o.retryPeriodMs ?? 2_000;
    const deadline = this.#o.renewDeadlineMs ?? 10_000;
    while (!signal.aborted) {
      let ok = false;
      try {
        ok = await this.#tryAcquireOrRenew();
      } catch (error) {
        this.#o.logger.warn({ err: (error as Error).message }, 'leader election: lease update failed');
      }
      if (ok) this.#lastRenew = Date.now();
      if (ok && !this.#leading) this.#set(true);
      else if (!ok && this.#leading && Date.now() - this.#lastRenew > deadline) this.#set(false);
      await sleep(retry, signal);
    }
    if (this.#leading) await this.#release();
  }

  #set(leading: boolean): void {
    this.#leading = leading;
    this.#o.logger.info({ identity: this.#o.identity, lease: `${this.#o.namespace}/${this.#o.name}` }, leading ? 'became the leader' : 'stopped leading');
    this.#o.onChange(leading);
  }

  async #tryAcquireOrRenew(): Promise<boolean> {
    const { client, namespace, name, identity } = this.#o;
    const duration = this.#o.leaseDurationSeconds ?? 15;
    const path = objectPath(CORE_RESOURCES.Lease, namespace, name);
    let lease: Lease;
    try {
      lease = await client.get<Lease>(path);
    } catch (error) {
      if (!(error instanceof KubeApiError && error.status === 404)) throw error;
      const now = microTime();
      await client.create(collectionPath(CORE_RESOURCES.Lease, namespace), {
        apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace },
        spec: { holderIdentity: identity, leaseDurationSeconds: duration, acquireTime: now, renewTime: now, leaseTransitions: 0 },
      }).catch((e: unknown) => { if (e instanceof KubeApiError && e.status === 409) throw new Error('lost the race to create the lease'); throw e; });
      return true;
    }
    const spec = lease.spec ?? {};
    const recordKey = `${spec.holderIdentity ?? ''}|${spec.renewTime ?? ''}`;
    if (this.#observed?.key !== recordKey) this.#observed = { key: recordKey, at: Date.now() };
    const holder = spec.holderIdentity ?? '';
    const expired = this.#observed.at + (spec.leaseDurationSeconds ?? duration) * 1000 < Date.now();
    if (holder !== '' && holder !== identity && !expired) return false;
    const now = microTime();
    const takeover = holder !== identity;
    try {
      await client.replace(path, {
        ...lease, apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
        spec: {
          holderIdentity: identity, leaseDurationSeconds: duration, renewTime: now,
          acquireTime: takeover ? now : (spec.acquireTime ?? now),
          leaseTransitions: (spec.leaseTransitions ?? 0) + (takeover && holder !== '' ? 1 : 0),
        },
      });
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 409) return false;
      throw error;
    }
    return true;
  }

  async #release(): Promise<void> {
    const path = objectPath(CORE_RESOURCES.Lease, this.#o.namespace, this.#o.name);
    try {
      const lease = await this.#o.client.get<Lease>(path);
      if (lease.spec?.holderIdentity === this.#o.identity) {
        await this.#o.client.replace(path, { ...lease, spec: { ...lease.spec, holderIdentity: null, leaseDurationSeconds: 1, renewTime: microTime() } });
      }
    } catch (error) {
      this.#o.logger.warn({ err: (error as Error).message }, 'leader election: could not release the lease');
    }
    this.#set(false);
  }
}
