/**
 * The file provider: standalone mode's configuration source. Loads every manifest under the
 * configured paths, then watches them and reloads everything on any change.
 *
 * - Reload-all, never incremental: after a burst of events (debounced, watch.ts) every file is
 *   read again. Simple, and correct whatever the editor or the kubelet did (atomic renames, symlink
 *   swaps, directories deleted and re-created, files written in several steps).
 * - Last good (last-good.ts): a file that cannot be read or parsed keeps serving the objects it last
 *   provided; an object that became invalid keeps its previous version; a configured directory that
 *   vanished keeps its files' objects. Each such case is reported (error + SY_WARN_CONFIG_LAST_GOOD).
 * - One load at a time; a change during a load makes exactly one more load after it (latest wins).
 * - Delivered only when something changed (objects, positions or diagnostics), except for
 *   `reload()`, which always delivers: SIGHUP means "apply now", even if nothing changed.
 * - Standalone mode has no status store: statuses are served by the admin API, so there is no
 *   writeStatus.
 */
import type { Logger } from '../../observability/index.ts';
import type { ConfigSink, Provider } from '../provider.ts';
import { GenerationTracker } from './generations.ts';
import { withLastGood } from './last-good.ts';
import { assemble, discoveryErrors, loadFiles, type FileLoad, type LoadResult } from './load.ts';
import { Debouncer, DirectoryWatcher } from './watch.ts';

export interface FileProviderOptions {
  /** Called with every delivered load (as the sink passed to start() is). */
  readonly onLoad?: (load: LoadResult) => void;
  readonly logger?: Logger;
  /** Quiet period that ends a burst of file events (default 75 ms). */
  readonly debounceMs?: number;
  /** Longest a continuous stream of events can delay a reload (default 1 s). */
  readonly maxWaitMs?: number;
}

export class FileProvider implements Provider {
  readonly name = 'file';
  readonly #paths: readonly string[];
  readonly #options: FileProviderOptions;
  readonly #tracker = new GenerationTracker();
  readonly #debouncer: Debouncer;
  readonly #watcher: DirectoryWatcher;
  #sink: ConfigSink | undefined;
  #previous: ReadonlyMap<string, FileLoad> = new Map();
  #last: LoadResult | undefined;
  #fingerprint = '';
  #loop: Promise<LoadResult> | undefined;
  #dirty = false;
  #forced = false;
  #started = false;
  #closed = false;

  constructor(paths: readonly string[], options: FileProviderOptions = {}) {
    this.#paths = [...paths];
    this.#options = options;
    // A load does not throw (every problem is a diagnostic); should one ever, log it rather than crash.
    const reloadOnChange = () => void this.#request(false).catch((error: unknown) => options.logger?.error({ err: error }, 'configuration reload failed'));
    this.#debouncer = new Debouncer(reloadOnChange, options.debounceMs, options.maxWaitMs);
    this.#watcher = new DirectoryWatcher(() => this.#debouncer.trigger());
  }

  /** The latest load, delivered or not. */
  get last(): LoadResult | undefined {
    return this.#last;
  }

  /** Loads, delivers the first configuration, and watches until `signal` aborts or close() is called. */
  async start(sink?: ConfigSink, signal?: AbortSignal): Promise<void> {
    if (this.#started) throw new Error('FileProvider already started');
    this.#started = true;
    this.#sink = sink;
    if (signal?.aborted) return this.close();
    signal?.addEventListener('abort', () => void this.close(), { once: true });
    await this.#request(true);
  }

  /** Reloads now (no debounce) and delivers the result even if unchanged: what SIGHUP does. */
  reload(): Promise<LoadResult> {
    this.#debouncer.cancel();
    return this.#request(true);
  }

  /** Stops watching; a load in progress finishes but is not delivered. Idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#debouncer.cancel();
    this.#watcher.close();
    await this.#loop?.catch(() => undefined);
  }

  #request(forced: boolean): Promise<LoadResult> {
    if (forced) this.#forced = true;
    this.#dirty = true;
    this.#loop ??= this.#drain();
    return this.#loop;
  }

  async #drain(): Promise<LoadResult> {
    try {
      let result = this.#last;
      while (this.#dirty && !this.#closed) {
        this.#dirty = false;
        const forced = this.#forced;
        this.#forced = false;
        result = await this.#loadOnce(forced);
      }
      return result ?? assemble([]);
    } finally {
      // Runs in the same tick as the last `#dirty` check: no request can fall in between.
      this.#loop = undefined;
    }
  }

  async #loadOnce(forced: boolean): Promise<LoadResult> {
    const { discovery, files } = await loadFiles(this.#paths);
    const effective = withLastGood(files, discovery, this.#previous);
    this.#previous = new Map(effective.map((f) => [f.path, f]));
    const assembled = assemble(effective, discoveryErrors(discovery));
    const result: LoadResult = { ...assembled, objects: this.#tracker.apply(assembled.objects) };
    this.#last = result;
    if (this.#closed) return result;

    // A directory first watched now may have changed between its listing and its watch: look again.
    // (The next load watches nothing new, so this settles after one extra load.)
    if (this.#watcher.update(discovery.directories) > 0) this.#debouncer.trigger();

    const fingerprint = JSON.stringify([result.objects, result.errors, result.warnings]);
    const changed = fingerprint !== this.#fingerprint;
    this.#fingerprint = fingerprint;
    this.#options.logger?.debug({ files: result.files.length, objects: result.objects.length, errors: result.errors.length, changed, forced }, 'configuration loaded');
    if (changed || forced) this.#deliver(result);
    return result;
  }

  #deliver(result: LoadResult): void {
    for (const consumer of [this.#options.onLoad, this.#sink]) {
      try {
        consumer?.(result);
      } catch (error) {
        this.#options.logger?.error({ err: error }, 'configuration consumer failed');
      }
    }
  }
}
