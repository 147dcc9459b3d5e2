/**
 * The published view of every loaded object with the status Switchyard computed for it: what the
 * admin API serves in standalone mode, and the previous statuses the next translation starts from
 * (so unchanged conditions keep their lastTransitionTime).
 */
import { CONTROLLER_NAME, type KubeObject } from '../api/index.ts';
import { objectKey } from '../store/index.ts';
import type { ObjectStatus } from '../translator/types.ts';

interface ParentEntry {
  controllerName?: string;
}

/**
 * Standalone objects carry one shared placeholder creationTimestamp (the loader's choice: route
 * precedence must not depend on file order). For display, the view shows when this process first
 * loaded the object instead, which is what "created" means to a standalone user.
 */
const STANDALONE_CREATION_TIMESTAMP = '1970-01-01T00:00:00Z';

export class ResourceView {
  #objects = new Map<string, KubeObject>();
  readonly #firstSeen = new Map<string, string>();
  #statuses = new Map<string, ObjectStatus>();
  readonly #controllerName: string;

  constructor(controllerName = CONTROLLER_NAME) {
    this.#controllerName = controllerName;
  }

  /** Replaces the whole view with a new object set and its computed statuses. */
  publish(objects: readonly KubeObject[], statuses: readonly ObjectStatus[]): void {
    const nextObjects = new Map<string, KubeObject>();
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    for (const object of objects) {
      const key = objectKey(object);
      nextObjects.set(key, object);
      if (!this.#firstSeen.has(key)) this.#firstSeen.set(key, now);
    }
    for (const key of this.#firstSeen.keys()) if (!nextObjects.has(key)) this.#firstSeen.delete(key);
    const nextStatuses = new Map<string, ObjectStatus>();
    for (const status of statuses) nextStatuses.set(status.key, status);
    this.#objects = nextObjects;
    this.#statuses = nextStatuses;
  }

  /** Status last published per object key. */
  previousStatuses(): ReadonlyMap<string, unknown> {
    const map = new Map<string, unknown>();
    for (const [key, s] of this.#statuses) map.set(key, s.status);
    return map;
  }

  statuses(): readonly ObjectStatus[] {
    return [...this.#statuses.values()];
  }

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const key = objectKey({ kind, metadata: namespace ? { namespace, name } : { name } });
    const object = this.#objects.get(key);
    return object && this.#withStatus(key, object);
  }

  /** Objects of a kind, optionally in one namespace, sorted by namespace then name. */
  list(kind: string, namespace?: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const [key, object] of this.#objects) {
      if (object.kind !== kind) continue;
      if (namespace !== undefined && object.metadata.namespace !== namespace) continue;
      out.push(this.#withStatus(key, object));
    }
    return out.sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name));
  }

  #withStatus(key: string, stored: KubeObject): KubeObject {
    const object = stored.metadata.creationTimestamp === STANDALONE_CREATION_TIMESTAMP
      ? { ...stored, metadata: { ...stored.metadata, creationTimestamp: this.#firstSeen.get(key) ?? STANDALONE_CREATION_TIMESTAMP } }
      : stored;
    const computed = this.#statuses.get(key);
    if (!computed) return object;
    const status = { ...computed.status };
    // Routes and policies hold one entry per controller: keep other controllers' entries as read.
    for (const field of ['parents', 'ancestors'] as const) {
      const ours = status[field];
      const theirs = (object.status as Record<string, unknown> | undefined)?.[field];
      if (Array.isArray(ours) && Array.isArray(theirs)) {
        status[field] = [...(theirs as ParentEntry[]).filter((p) => p.controllerName !== this.#controllerName), ...ours];
      }
    }
    return { ...object, status };
  }
}
