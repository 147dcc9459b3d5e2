/**
 * metadata.generation across reloads: the API server increments it whenever anything but metadata
 * and status changes, and statuses report it back as observedGeneration. The loader always says 1
 * (or what the manifest says); this tracker, which lives as long as the file provider, bumps it when
 * an object's content changed since the previous load, so a status consumer can tell an edited
 * object from an unchanged one. An object that disappears and comes back starts again, as a
 * re-created object does.
 */
import { deepFreeze } from './defaults.ts';
import type { LoadedObject } from './load.ts';
import { objectKey } from '../../store/index.ts';

export class GenerationTracker {
  #last = new Map<string, { content: string; generation: number }>();

  /** The objects with their generations advanced where their content changed. */
  apply(objects: readonly LoadedObject[]): LoadedObject[] {
    const next = new Map<string, { content: string; generation: number }>();
    const result = objects.map((loaded) => {
      const { metadata, status: _status, ...rest } = loaded.object;
      const key = objectKey(loaded.object);
      const content = JSON.stringify(rest);
      const declared = metadata.generation ?? 1;
      const before = this.#last.get(key);
      const generation = before === undefined ? declared : Math.max(declared, before.content === content ? before.generation : before.generation + 1);
      next.set(key, { content, generation });
      if (generation === metadata.generation) return loaded;
      return deepFreeze({ ...loaded, object: { ...loaded.object, metadata: { ...metadata, generation } } });
    });
    this.#last = next;
    return result;
  }
}
