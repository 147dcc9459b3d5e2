/**
 * The Kubernetes source: one Reflector per kind the translator reads (at the versions the cluster
 * serves) plus extra kinds the controller needs (SwitchyardProxy parameters). Hands the sink the
 * whole object set, with each object's current status (the translator's previousStatuses), after
 * every significant change, coalesced over `debounceMs`.
 */
import type { KubeObject } from '../../api/index.ts';
import type { Logger } from '../../observability/index.ts';
import type { ConfigSink, Provider } from '../provider.ts';
import type { KubeClient } from './client.ts';
import { discoverResources } from './discovery.ts';
import { Reflector } from './reflector.ts';
import type { ApiResource } from './resources.ts';
import { isSignificant } from './significance.ts';

export interface KubernetesProviderOptions {
  readonly client: KubeClient;
  readonly logger: Logger;
  /** Kinds watched in addition to KNOWN_KINDS, when the cluster serves them. */
  readonly extraResources?: readonly ApiResource[];
  readonly debounceMs?: number;
  readonly watchTimeoutSeconds?: number;
}

export class KubernetesProvider implements Provider {
  readonly name = 'kubernetes';
  readonly #options: KubernetesProviderOptions;
  #reflectors: Reflector[] = [];
  #timer: NodeJS.Timeout | null = null;
  #sink: ConfigSink | null = null;
  #started = false;

  constructor(options: KubernetesProviderOptions) {
    this.#options = options;
  }

  get reflectors(): readonly Reflector[] {
    return this.#reflectors;
  }

  /** The cached object of a kind, from the last list/watch. */
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.#reflectors.find((r) => r.resource.kind === kind)?.get(namespace, name);
  }

  resourceOf(kind: string): ApiResource | undefined {
    return this.#reflectors.find((r) => r.resource.kind === kind)?.resource;
  }

  objects(): KubeObject[] {
    return this.#reflectors.flatMap((r) => r.objects());
  }

  async start(sink: ConfigSink, signal: AbortSignal): Promise<void> {
    const { client, logger } = this.#options;
    const { resources, missing } = await discoverResources(client, this.#options.extraResources ?? []);
    if (missing.length > 0) logger.warn({ kinds: missing }, 'the cluster serves no version Switchyard reads of these kinds; they are not watched');
    logger.info({ resources: resources.map((r) => `${r.kind}.${r.version}`) }, 'watching');
    this.#sink = sink;
    this.#reflectors = resources.map((resource) => new Reflector(client, resource, {
      logger,
      ...(this.#options.watchTimeoutSeconds !== undefined && { watchTimeoutSeconds: this.#options.watchTimeoutSeconds }),
      onChange: (_type, object, previous) => {
        if (_type === 'DELETED' || isSignificant(previous, object)) this.#schedule();
      },
    }));
    for (const r of this.#reflectors) void r.run(signal);
    signal.addEventListener('abort', () => { if (this.#timer) clearTimeout(this.#timer); }, { once: true });
    await Promise.all(this.#reflectors.map((r) => r.synced));
    this.#started = true;
    this.#emit();
  }

  /** Delivers the current object set now (e.g. after leadership changes). */
  resync(): void {
    if (this.#started) this.#emit();
  }

  #schedule(): void {
    if (!this.#started || this.#timer) return;
    this.#timer = setTimeout(() => { this.#timer = null; this.#emit(); }, this.#options.debounceMs ?? 50);
  }

  #emit(): void {
    const objects = this.objects().map((object) => ({ object }));
    this.#sink?.({ objects, errors: [], warnings: [], files: [] });
  }
}
