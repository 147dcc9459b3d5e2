/**
 * The Kubernetes-mode control loop: level-triggered, latest wins, one cycle in flight.
 *
 *   objects (with their current .status) → translate (the same pure translator as standalone,
 *   previousStatuses from the objects) → per Gateway: its share of the IR → config stream;
 *   if leader: provision its proxy objects, then write statuses (addresses from the Service,
 *   Programmed from proxy acks) through the status subresource, only where they changed.
 *
 * Non-leaders run the same translation so a takeover starts warm, but never write.
 */
import { CONTROLLER_NAME, type Gateway, type GatewayClass, type KubeObject } from '../api/index.ts';
import type { Ir } from '../ir/index.ts';
import type { Logger } from '../observability/index.ts';
import type { StatusWrite } from '../providers/provider.ts';
import { snapshotOf, objectKey } from '../store/index.ts';
import { translate, type ObjectStatus } from '../translator/index.ts';
import { gatewayIr, gatewayPorts } from './gateway-ir.ts';
import { reachableGatewayStatus } from './gateway-status.ts';
import { proxyParameters, type Lookup } from './provision/parameters.ts';
import { provisionNames } from './provision/names.ts';
import type { ProvisionContext } from './provision/manifests.ts';
import type { ConfigStreamServer } from './stream/server.ts';

/** Every provisioned proxy binds all interfaces; the proxy may narrow it (--bind-address). */
export const PROXY_BIND_ADDRESS = '0.0.0.0';

export interface ReconcilerOptions {
  readonly logger: Logger;
  readonly stream: ConfigStreamServer;
  readonly leading: () => boolean;
  readonly lookup: Lookup;
  readonly provision: (ctx: ProvisionContext) => Promise<void>;
  readonly writeStatus: (batch: readonly StatusWrite[]) => Promise<void>;
  readonly image: string;
  readonly controllerAddress: string;
  readonly controllerName?: string;
  readonly now?: () => string;
}

export class Reconciler {
  readonly #o: ReconcilerOptions;
  #objects: readonly KubeObject[] | null = null;
  #dirty = false;
  #running: Promise<void> | null = null;
  /** Completed cycles, for tests and readiness. */
  cycles = 0;

  constructor(options: ReconcilerOptions) {
    this.#o = options;
  }

  /** A new object set from the provider. */
  submit(objects: readonly KubeObject[]): void {
    this.#objects = objects;
    this.kick();
  }

  /** Re-runs with the current objects (leadership or proxy acks changed). */
  kick(): void {
    if (!this.#objects) return;
    this.#dirty = true;
    this.#running ??= this.#drain().finally(() => { this.#running = null; });
  }

  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    while (this.#dirty) {
      this.#dirty = false;
      try {
        await this.#cycle(this.#objects!);
        this.cycles++;
      } catch (error) {
        this.#o.logger.error({ err: error }, 'reconcile cycle failed; retrying on the next change');
      }
    }
  }

  async #cycle(objects: readonly KubeObject[]): Promise<void> {
    const controllerName = this.#o.controllerName ?? CONTROLLER_NAME;
    const now = (this.#o.now ?? (() => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')))();
    const snapshot = snapshotOf(objects);
    const previousStatuses = new Map<string, unknown>();
    for (const o of objects) if (o.status !== undefined) previousStatuses.set(objectKey(o), o.status);
    const result = translate(snapshot, { controllerName, now, defaultAddresses: [PROXY_BIND_ADDRESS], previousStatuses });

    const classes = new Map(snapshot.gatewayClasses.filter((c) => c.spec.controllerName === controllerName).map((c) => [c.metadata.name, c as GatewayClass]));
    const ours = snapshot.gateways.filter((g) => classes.has(g.spec.gatewayClassName));
    const irs = new Map(ours.map((g) => [`${g.metadata.namespace}/${g.metadata.name}`, gatewayIr(result.ir, g.metadata.namespace, g.metadata.name)]));
    for (const [key, ir] of irs) this.#o.stream.publish(key, ir);
    this.#o.stream.retain(new Set(irs.keys()));
    if (!this.#o.leading()) return;

    for (const gateway of ours) await this.#provision(gateway, classes.get(gateway.spec.gatewayClassName)!, irs);
    const statuses = result.statuses.map((s) => (s.kind === 'Gateway' ? this.#reachable(s, ours, previousStatuses, now) : s));
    await this.#o.writeStatus(statuses.map(toWrite));
  }

  async #provision(gateway: Gateway, gatewayClass: GatewayClass, irs: ReadonlyMap<string, Ir>): Promise<void> {
    const key = `${gateway.metadata.namespace}/${gateway.metadata.name}`;
    try {
      await this.#o.provision({
        gateway, gatewayClass: gatewayClass.metadata.name,
        parameters: proxyParameters(gateway, gatewayClass, this.#o.lookup),
        ports: gatewayPorts(irs.get(key)!, gateway.spec.listeners ?? []), image: this.#o.image, controllerAddress: this.#o.controllerAddress,
      });
    } catch (error) {
      this.#o.logger.warn({ gateway: key, err: (error as Error).message }, 'provisioning failed; retrying on the next change');
    }
  }

  #reachable(status: ObjectStatus, ours: readonly Gateway[], previous: ReadonlyMap<string, unknown>, now: string): ObjectStatus {
    const gateway = ours.find((g) => g.metadata.namespace === status.namespace && g.metadata.name === status.name);
    if (!gateway) return status;
    const key = `${status.namespace}/${status.name}`;
    const service = this.#o.lookup('Service', status.namespace, provisionNames(status.name, gateway.spec.gatewayClassName).proxy);
    return reachableGatewayStatus(status, { service, served: this.#o.stream.served(key), version: this.#o.stream.versionOf(key) }, previous.get(status.key), now);
  }
}

function toWrite(s: ObjectStatus): StatusWrite {
  return { apiVersion: s.apiVersion, kind: s.kind, ...(s.namespace !== undefined && { namespace: s.namespace }), name: s.name, status: s.status };
}
