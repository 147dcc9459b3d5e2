/**
 * Writes computed statuses through the status subresource, only when they differ from what the
 * object holds.
 *
 * Routes (`status.parents`) and policies (`status.ancestors`) hold one entry per controller:
 * Switchyard reads the object back, keeps every entry another controller wrote, replaces its own
 * and sends a JSON merge patch carrying the resourceVersion it read. The API server refuses the
 * patch with 409 Conflict if someone wrote in between; we then read again and retry, so another
 * controller's concurrent entry is never lost.
 */
import { CONTROLLER_NAME, type KubeObject } from '../../api/index.ts';
import type { Logger } from '../../observability/index.ts';
import type { StatusWrite } from '../provider.ts';
import { KubeApiError, type KubeClient } from './client.ts';
import { objectPath, type ApiResource } from './resources.ts';

const SHARED_LISTS = ['parents', 'ancestors'] as const;
const MAX_ATTEMPTS = 5;

export interface StatusWriterOptions {
  readonly client: KubeClient;
  readonly logger: Logger;
  /** The resource (at the served version) for a kind. */
  readonly resourceOf: (kind: string) => ApiResource | undefined;
  /** The cached copy, to skip a read when the status is already as computed. */
  readonly cached?: (kind: string, namespace: string | undefined, name: string) => KubeObject | undefined;
  readonly controllerName?: string;
}

export class StatusWriter {
  readonly #options: StatusWriterOptions;
  /** Writes done and skipped, for tests and metrics. */
  readonly stats = { written: 0, unchanged: 0, conflicts: 0 };

  constructor(options: StatusWriterOptions) {
    this.#options = options;
  }

  async write(batch: readonly StatusWrite[]): Promise<void> {
    for (const item of batch) {
      try {
        await this.#writeOne(item);
      } catch (error) {
        // One object's failure (deleted meanwhile, RBAC) must not stop the others; the next cycle retries.
        if (error instanceof KubeApiError && error.status === 404) continue;
        this.#options.logger.warn({ kind: item.kind, namespace: item.namespace, name: item.name, err: (error as Error).message }, 'status write failed');
      }
    }
  }

  async #writeOne(item: StatusWrite): Promise<void> {
    const resource = this.#options.resourceOf(item.kind);
    if (!resource) return;
    const cached = this.#options.cached?.(item.kind, item.namespace, item.name);
    if (cached && sameJson(this.merge(cached, item.status), cached.status ?? {})) {
      this.stats.unchanged++;
      return;
    }
    const path = objectPath(resource, item.namespace, item.name);
    for (let attempt = 1; ; attempt++) {
      const current = await this.#options.client.get<KubeObject>(path);
      const desired = this.merge(current, item.status);
      const existing = (current.status ?? {}) as Record<string, unknown>;
      if (sameJson(desired, existing)) {
        this.stats.unchanged++;
        return;
      }
      // Merge patch leaves keys it does not mention: send null for fields we no longer report.
      const patch: Record<string, unknown> = { ...desired };
      for (const key of Object.keys(existing)) if (!(key in desired)) patch[key] = null;
      try {
        await this.#options.client.patch(`${path}/status`, { metadata: { resourceVersion: current.metadata.resourceVersion }, status: patch });
        this.stats.written++;
        return;
      } catch (error) {
        if (!(error instanceof KubeApiError && error.status === 409) || attempt >= MAX_ATTEMPTS) throw error;
        this.stats.conflicts++;
      }
    }
  }

  /** Our status with other controllers' entries of shared lists kept as the object holds them. */
  merge(current: KubeObject, ours: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const controllerName = this.#options.controllerName ?? CONTROLLER_NAME;
    const merged: Record<string, unknown> = { ...ours };
    const existing = (current.status ?? {}) as Record<string, unknown>;
    for (const field of SHARED_LISTS) {
      const theirs = Array.isArray(existing[field]) ? (existing[field] as { controllerName?: string }[]).filter((e) => e.controllerName !== controllerName) : [];
      if (!Array.isArray(ours[field]) && theirs.length === 0) continue;
      merged[field] = [...theirs, ...((ours[field] as unknown[] | undefined) ?? [])];
    }
    return merged;
  }
}

/** Deep equality of JSON values, ignoring object key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
