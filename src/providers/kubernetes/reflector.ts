/**
 * List+watch for one resource, keeping a local copy that never misses an event:
 *
 * - list (paged) → replace the cache, reporting adds, changes and deletions against the old cache
 *   (a relist after a gap still reports objects deleted meanwhile);
 * - watch from the list's resourceVersion with allowWatchBookmarks, so quiet resources still move
 *   their resume point forward and a reconnect after a timeout resumes instead of relisting;
 * - a watch that ends is resumed from the last resourceVersion seen;
 * - 410 Gone (the resume point was compacted away), as an HTTP status or an ERROR event → relist;
 * - any other failure → exponential backoff, then resume.
 */
import type { KubeObject } from '../../api/index.ts';
import type { Logger } from '../../observability/index.ts';
import { Backoff, sleep } from './backoff.ts';
import { KubeApiError, type KubeClient } from './client.ts';
import { apiVersionOfResource, collectionPath, type ApiResource } from './resources.ts';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface ReflectorOptions {
  readonly onChange: (type: ChangeType, object: KubeObject, previous: KubeObject | undefined) => void;
  readonly logger: Logger;
  /** Server-side watch timeout; the API server ends the stream after it and we resume. */
  readonly watchTimeoutSeconds?: number;
  readonly pageSize?: number;
  readonly backoff?: Backoff;
  readonly labelSelector?: string;
}

interface ObjectList { metadata: { resourceVersion: string; continue?: string }; items: KubeObject[] }

export class Reflector {
  readonly resource: ApiResource;
  readonly #client: KubeClient;
  readonly #options: ReflectorOptions;
  readonly #cache = new Map<string, KubeObject>();
  #resourceVersion: string | null = null;
  #synced: PromiseWithResolvers<void> = Promise.withResolvers();
  /** Counters for tests and metrics. */
  readonly stats = { lists: 0, watches: 0, bookmarks: 0, gone: 0, errors: 0 };

  constructor(client: KubeClient, resource: ApiResource, options: ReflectorOptions) {
    this.#client = client;
    this.resource = resource;
    this.#options = options;
  }

  /** Resolves after the first complete list. */
  get synced(): Promise<void> {
    return this.#synced.promise;
  }

  get resourceVersion(): string | null {
    return this.#resourceVersion;
  }

  objects(): KubeObject[] {
    return [...this.#cache.values()];
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.#cache.get(namespace ? `${namespace}/${name}` : name);
  }

  /** Runs until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    const backoff = this.#options.backoff ?? new Backoff();
    while (!signal.aborted) {
      try {
        if (this.#resourceVersion === null) await this.#list(signal);
        backoff.reset();
        await this.#watch(signal);
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof KubeApiError && error.status === 410) {
          this.stats.gone++;
          this.#options.logger.info({ kind: this.resource.kind }, 'watch resume point expired (410 Gone); relisting');
          this.#resourceVersion = null;
          continue;
        }
        this.stats.errors++;
        const delay = backoff.next();
        this.#options.logger.warn({ kind: this.resource.kind, err: (error as Error).message, retryInMs: Math.round(delay) }, 'list/watch failed; retrying');
        await sleep(delay, signal);
      }
    }
  }

  async #list(signal: AbortSignal): Promise<void> {
    this.stats.lists++;
    const fresh = new Map<string, KubeObject>();
    let token: string | undefined;
    let resourceVersion = '';
    do {
      const query = new URLSearchParams({ limit: String(this.#options.pageSize ?? 500) });
      if (token) query.set('continue', token);
      if (this.#options.labelSelector) query.set('labelSelector', this.#options.labelSelector);
      const page = await this.#client.get<ObjectList>(`${collectionPath(this.resource)}?${query}`);
      if (signal.aborted) return;
      for (const item of page.items) {
        const object = this.#typed(item);
        fresh.set(keyOf(object), object);
      }
      token = page.metadata.continue || undefined;
      resourceVersion = page.metadata.resourceVersion;
    } while (token);
    const old = new Map(this.#cache);
    this.#cache.clear();
    for (const [key, object] of fresh) {
      this.#cache.set(key, object);
      const previous = old.get(key);
      if (!previous) this.#options.onChange('ADDED', object, undefined);
      else if (previous.metadata.resourceVersion !== object.metadata.resourceVersion) this.#options.onChange('MODIFIED', object, previous);
    }
    for (const [key, previous] of old) if (!fresh.has(key)) this.#options.onChange('DELETED', previous, previous);
    this.#resourceVersion = resourceVersion;
    this.#synced.resolve();
  }

  async #watch(signal: AbortSignal): Promise<void> {
    this.stats.watches++;
    const query = new URLSearchParams({
      watch: '1', allowWatchBookmarks: 'true', resourceVersion: this.#resourceVersion!,
      timeoutSeconds: String(this.#options.watchTimeoutSeconds ?? 300),
    });
    if (this.#options.labelSelector) query.set('labelSelector', this.#options.labelSelector);
    for await (const event of this.#client.watch<KubeObject>(`${collectionPath(this.resource)}?${query}`, signal)) {
      if (event.type === 'ERROR') {
        const status = event.object as unknown as { code?: number; message?: string; reason?: string };
        throw new KubeApiError(status.code ?? 500, status.reason ?? 'Error', status.message ?? 'watch error');
      }
      const object = this.#typed(event.object);
      if (event.type === 'BOOKMARK') {
        this.stats.bookmarks++;
      } else {
        const key = keyOf(object);
        const previous = this.#cache.get(key);
        if (event.type === 'DELETED') this.#cache.delete(key);
        else this.#cache.set(key, object);
        this.#options.onChange(event.type === 'DELETED' ? 'DELETED' : previous ? 'MODIFIED' : 'ADDED', object, previous);
      }
      this.#resourceVersion = object.metadata.resourceVersion ?? this.#resourceVersion;
    }
  }

  /** List items omit apiVersion and kind for built-in types; the snapshot needs them. */
  #typed(item: KubeObject): KubeObject {
    return { ...item, apiVersion: item.apiVersion ?? apiVersionOfResource(this.resource), kind: item.kind ?? this.resource.kind };
  }
}

function keyOf(object: KubeObject): string {
  return object.metadata.namespace ? `${object.metadata.namespace}/${object.metadata.name}` : object.metadata.name;
}
