/**
 * Multi-core serving with node:cluster: the primary forks N workers that each run a `DataPlane` on
 * the same sockets (the kernel spreads accepted connections, SCHED_NONE), and fans every apply and
 * close out to all of them. An apply resolves once every worker has applied the IR, so "applied"
 * means every core serves the new config. A worker that dies is replaced and given the last IR.
 *
 * Metrics: each worker counts into its own prom-client Registry; when the primary was given one
 * (`options.metrics`, the admin API's), every scrape of it asks all workers for a snapshot over IPC
 * and appends their sum (metrics.ts `exposeWorkerMetrics`). Access logs go to each worker's stdout.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Ir } from '../ir/index.ts';
import { ApplyResult, type DataPlaneApi, type SocketState } from './data-plane.ts';
import { exposeWorkerMetrics } from './metrics.ts';
import { DEFAULT_TIMEOUTS, SILENT_LOGGER, type DataPlaneOptions } from './options.ts';

/** Messages between primary and workers (JSON over the cluster IPC channel). */
export type ToWorker = { type: 'apply'; seq: number; ir: Ir } | { type: 'close'; deadlineMs: number } | { type: 'metrics'; seq: number };
export type FromWorker =
  | { type: 'applied'; seq: number; sockets: SocketState[] }
  | { type: 'apply-failed'; seq: number; message: string }
  | { type: 'metrics'; seq: number; metrics: object[] };

/** Options a worker can receive: only plain data crosses the process boundary. */
export interface WorkerOptions {
  readonly timeouts: DataPlaneOptions['timeouts'];
  readonly maxConnectionsPerEndpoint: number | undefined;
  readonly maxConnections?: number | undefined;
  readonly accessLog: boolean;
  /** Count metrics and answer `metrics` requests. */
  readonly metrics: boolean;
}

/** How long a scrape waits for a worker's snapshot; a worker that misses it is left out of that scrape. */
const METRICS_TIMEOUT_MS = 1_000;

export const WORKER_OPTIONS_ENV = 'SWITCHYARD_DATAPLANE_WORKER_OPTIONS';
const WORKER_ENTRY = new URL('./worker-main.ts', import.meta.url).pathname;

export class WorkerDataPlane implements DataPlaneApi {
  readonly #count: number;
  readonly #options: DataPlaneOptions;
  readonly #workers = new Set<Worker>();
  #lastIr: Ir | null = null;
  #seq = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #closing = false;

  constructor(count: number, options: DataPlaneOptions) {
    this.#count = count;
    this.#options = options;
    cluster.schedulingPolicy = cluster.SCHED_NONE;
    cluster.setupPrimary({ exec: WORKER_ENTRY, args: [] });
    for (let i = 0; i < count; i++) this.#fork();
    if (options.metrics) exposeWorkerMetrics(options.metrics, () => this.#collectMetrics());
  }

  apply(ir: Ir): Promise<ApplyResult> {
    const next = this.#queue.then(async () => {
      if (this.#closing) throw new Error('data plane is closed');
      this.#lastIr = ir;
      const results = await Promise.all([...this.#workers].map((w) => this.#applyOn(w, ir)));
      return new ApplyResult(mergeStates(results));
    });
    this.#queue = next.catch(() => {});
    return next;
  }

  listening(): boolean {
    return this.#lastIr !== null && !this.#closing;
  }

  async close(deadlineMs = this.#options.timeouts?.drainMs ?? DEFAULT_TIMEOUTS.drainMs): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    await this.#queue;
    await Promise.all([...this.#workers].map((w) => new Promise<void>((resolve) => {
      w.once('exit', () => resolve());
      w.send({ type: 'close', deadlineMs } satisfies ToWorker);
    })));
  }

  #fork(): Worker {
    const options: WorkerOptions = {
      timeouts: this.#options.timeouts,
      maxConnectionsPerEndpoint: this.#options.maxConnectionsPerEndpoint,
      maxConnections: this.#options.maxConnections,
      accessLog: this.#options.accessLog !== undefined,
      metrics: this.#options.metrics !== undefined,
    };
    const worker = cluster.fork({ [WORKER_OPTIONS_ENV]: JSON.stringify(options) });
    this.#workers.add(worker);
    worker.once('exit', (code, signal) => {
      this.#workers.delete(worker);
      if (this.#closing) return;
      (this.#options.logger ?? SILENT_LOGGER).error({ code, signal }, 'data plane worker exited; starting a new one');
      const replacement = this.#fork();
      if (this.#lastIr !== null) void this.#applyOn(replacement, this.#lastIr).catch(() => {});
    });
    return worker;
  }

  /** One metrics snapshot (prom-client JSON) per worker that answers in time. */
  #collectMetrics(): Promise<object[][]> {
    return Promise.all([...this.#workers].map((worker) => new Promise<object[] | null>((resolve) => {
      const seq = ++this.#seq;
      const done = (value: object[] | null) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        resolve(value);
      };
      const onMessage = (msg: FromWorker) => { if (msg.type === 'metrics' && msg.seq === seq) done(msg.metrics); };
      const timer = setTimeout(() => done(null), METRICS_TIMEOUT_MS);
      worker.on('message', onMessage);
      worker.send({ type: 'metrics', seq } satisfies ToWorker);
    }))).then((all) => all.filter((m): m is object[] => m !== null));
  }

  #applyOn(worker: Worker, ir: Ir): Promise<SocketState[]> {
    const seq = ++this.#seq;
    return new Promise((resolve, reject) => {
      const onMessage = (msg: FromWorker) => {
        if (msg.seq !== seq || msg.type === 'metrics') return;
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        if (msg.type === 'applied') resolve(msg.sockets);
        else reject(new Error(msg.message));
      };
      const onExit = () => {
        worker.off('message', onMessage);
        reject(new Error('data plane worker exited during apply'));
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.send({ type: 'apply', seq, ir } satisfies ToWorker);
    });
  }
}

/** A socket listens only if it listens in every worker; the first failure explains it. */
function mergeStates(perWorker: readonly SocketState[][]): SocketState[] {
  const merged = new Map<string, SocketState>();
  for (const states of perWorker) {
    for (const s of states) {
      const seen = merged.get(s.id);
      if (seen === undefined || (seen.error === null && s.error !== null)) merged.set(s.id, s);
    }
  }
  return [...merged.values()];
}
