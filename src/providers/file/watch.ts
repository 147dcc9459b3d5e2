/**
 * Watching directories for changes, coalesced into one callback per burst.
 *
 * One non-recursive fs.watch per directory, re-armed after each reload from the set of directories
 * that load walked (discover.ts), rather than one recursive watch per configured path: the set must
 * follow symlinks (a ConfigMap's `..data` swap lands in a directory the recursive watch of the
 * mount would see, but the files live in timestamped directories reached only through links), and
 * a directory deleted and re-created needs a fresh watch anyway. Watching directories, not files,
 * also catches editors that save by writing a temporary file and renaming it over the original.
 * The parents of the configured paths are in the set, so replacing a configured path is seen.
 */
import { watch, type FSWatcher } from 'node:fs';

export class DirectoryWatcher {
  readonly #onChange: () => void;
  readonly #watchers = new Map<string, FSWatcher>();
  #closed = false;

  constructor(onChange: () => void) {
    this.#onChange = onChange;
  }

  /** Watches exactly these directories from now on. Returns how many were newly watched. */
  update(directories: readonly string[]): number {
    if (this.#closed) return 0;
    const wanted = new Set(directories);
    for (const [dir, watcher] of this.#watchers) {
      if (!wanted.has(dir)) {
        watcher.close();
        this.#watchers.delete(dir);
      }
    }
    let added = 0;
    for (const dir of wanted) {
      if (this.#watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, { persistent: true }, () => this.#onChange());
        // A watched directory that is deleted errors (or goes quiet): drop it and let a reload re-arm.
        watcher.on('error', () => {
          watcher.close();
          if (this.#watchers.get(dir) === watcher) this.#watchers.delete(dir);
          this.#onChange();
        });
        this.#watchers.set(dir, watcher);
        added++;
      } catch {
        // Gone between discovery and now: the event that removed it triggers a reload that re-arms.
      }
    }
    return added;
  }

  get directories(): string[] {
    return [...this.#watchers.keys()];
  }

  close(): void {
    this.#closed = true;
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
  }
}

/**
 * Trailing-edge debounce with a ceiling: fires `quietMs` after the last trigger of a burst, but no
 * later than `maxWaitMs` after its first, so a file rewritten continuously still gets reloaded.
 */
export class Debouncer {
  readonly #fire: () => void;
  readonly #quietMs: number;
  readonly #maxWaitMs: number;
  #timer: NodeJS.Timeout | undefined;
  #burstStart = 0;

  constructor(fire: () => void, quietMs = 75, maxWaitMs = 1000) {
    this.#fire = fire;
    this.#quietMs = quietMs;
    this.#maxWaitMs = maxWaitMs;
  }

  trigger(): void {
    const now = Date.now();
    if (this.#timer === undefined) this.#burstStart = now;
    else clearTimeout(this.#timer);
    const delay = Math.max(0, Math.min(this.#quietMs, this.#burstStart + this.#maxWaitMs - now));
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#fire();
    }, delay);
  }

  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
