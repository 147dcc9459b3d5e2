/**
 * Creates and updates the objects provisioned for each Gateway (manifests.ts). Writes only when
 * the desired object changed (a hash annotation records what was last applied, so the API server's
 * defaulting does not cause endless updates). The stream Secret is created once and never
 * rewritten: rotating it would cut off running proxies.
 */
import { createHash } from 'node:crypto';
import type { Gateway, KubeObject } from '../../api/index.ts';
import type { Logger } from '../../observability/index.ts';
import { CORE_RESOURCES, KubeApiError, collectionPath, objectPath, type ApiResource, type KubeClient } from '../../providers/kubernetes/index.ts';
import { MANAGED_BY, MANAGED_BY_LABEL, proxyAutoscaler, proxyDeployment, proxyService, streamSecret, type ProvisionContext } from './manifests.ts';
import { provisionNames, SPEC_HASH_ANNOTATION } from './names.ts';

export class Provisioner {
  readonly #client: KubeClient;
  readonly #logger: Logger;
  /** Stream keys by `namespace/gateway`, as read from or written to the Gateways' Secrets. */
  readonly #keys = new Map<string, Buffer>();
  /** Writes done, for tests. */
  readonly stats = { created: 0, updated: 0, deleted: 0 };

  constructor(client: KubeClient, logger: Logger) {
    this.#client = client;
    this.#logger = logger;
  }

  /** The stream key of a Gateway (`namespace/name`), once its Secret has been read or created. */
  keyFor(gateway: string): Buffer | null {
    return this.#keys.get(gateway) ?? null;
  }

  /** Brings a Gateway's Secret, Service, Deployment and autoscaler to the desired state. */
  async ensure(ctx: ProvisionContext): Promise<void> {
    const { namespace, name } = ctx.gateway.metadata;
    const secret = await this.#ensure(CORE_RESOURCES.Secret, streamSecret(ctx), true);
    const data = (secret.data as Record<string, string> | undefined)?.key;
    if (data) this.#keys.set(`${namespace}/${name}`, Buffer.from(Buffer.from(data, 'base64').toString('utf8').trim(), 'hex'));
    if (ctx.ports.length > 0) await this.#ensure(CORE_RESOURCES.Service, proxyService(ctx), false);
    await this.#ensure(CORE_RESOURCES.Deployment, proxyDeployment(ctx), false);
    const hpa = proxyAutoscaler(ctx);
    if (hpa) await this.#ensure(CORE_RESOURCES.HorizontalPodAutoscaler, hpa, false);
    else await this.#deleteIfOurs(CORE_RESOURCES.HorizontalPodAutoscaler, namespace, provisionNames(name, ctx.gatewayClass).proxy);
  }

  /** Forgets the key of a Gateway that is gone (its objects go with it through ownerReferences). */
  forget(gateway: Gateway): void {
    this.#keys.delete(`${gateway.metadata.namespace}/${gateway.metadata.name}`);
  }

  async #ensure(resource: ApiResource, desired: KubeObject, createOnly: boolean): Promise<KubeObject> {
    const hash = createHash('sha256').update(JSON.stringify(desired)).digest('hex').slice(0, 16);
    const withHash = { ...desired, metadata: { ...desired.metadata, annotations: { ...desired.metadata.annotations, [SPEC_HASH_ANNOTATION]: hash } } };
    const path = objectPath(resource, desired.metadata.namespace, desired.metadata.name);
    let current: KubeObject;
    try {
      current = await this.#client.get<KubeObject>(path);
    } catch (error) {
      if (!(error instanceof KubeApiError && error.status === 404)) throw error;
      this.stats.created++;
      this.#logger.info({ kind: desired.kind, namespace: desired.metadata.namespace, name: desired.metadata.name }, 'provisioning');
      return this.#client.create<KubeObject>(collectionPath(resource, desired.metadata.namespace), withHash);
    }
    if (createOnly || current.metadata.annotations?.[SPEC_HASH_ANNOTATION] === hash) return current;
    if (current.metadata.labels?.[MANAGED_BY_LABEL] !== MANAGED_BY) {
      this.#logger.warn({ kind: desired.kind, namespace: desired.metadata.namespace, name: desired.metadata.name }, 'an object Switchyard did not create has the provisioned name; leaving it alone');
      return current;
    }
    this.stats.updated++;
    // A merge patch replaces the fields we manage and leaves what others set (e.g. Service clusterIP, HPA-set replicas are not ours when autoscaling).
    return this.#client.patch<KubeObject>(path, { metadata: { ...withHash.metadata, resourceVersion: current.metadata.resourceVersion }, spec: desired.spec });
  }

  async #deleteIfOurs(resource: ApiResource, namespace: string, name: string): Promise<void> {
    const path = objectPath(resource, namespace, name);
    try {
      const current = await this.#client.get<KubeObject>(path);
      if (current.metadata.labels?.[MANAGED_BY_LABEL] !== MANAGED_BY) return;
      await this.#client.delete(path);
      this.stats.deleted++;
    } catch (error) {
      if (!(error instanceof KubeApiError && error.status === 404)) throw error;
    }
  }
}
