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

export class ResourceView {
  #objects = new Map<string, KubeObject>();
  #statuses = new Map<string, ObjectStatus>();
  readonly #controllerName: string;

  constructor(controllerName = CONTROLLER_NAME) {
    this.#controllerName = controllerName;
  }

  /** Replaces the whole view with a new object set and its computed statuses. */
  publish(objects: readonly KubeObject[], statuses: readonly ObjectStatus[]): void {
    const nextObjects = new Map<string, KubeObject>();
    for (const object of objects) nextObjects.set(objectKey(object), object);
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

  #withStatus(key: string, object: KubeObject): KubeObject {
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
