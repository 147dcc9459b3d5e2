/**
 * The control loop: level-triggered, latest wins, one translation in flight.
 *
 *   provider object set → snapshot → translate → data plane apply → (bind failures? translate again
 *   with them, so listeners report PortUnavailable) → publish statuses to the resource view.
 *
 * Each new object set retries every socket, so a port that became free is picked up by the next change.
 */
import { performance } from 'node:perf_hooks';
import type { KubeObject } from './api/index.ts';
import type { Diagnostic } from './admin/index.ts';
import type { Ir } from './ir/index.ts';
import type { Logger } from './observability/index.ts';
import type { ControlPlaneMetrics } from './observability/index.ts';
import type { ResourceView } from './status/index.ts';
import { snapshotOf } from './store/index.ts';
import type { TranslateOptions, TranslateResult } from './translator/types.ts';
import type { Snapshot } from './store/index.ts';

export interface LoopInput {
  /** The valid objects of the current configuration. */
  readonly objects: readonly KubeObject[];
  /** Errors and warnings from reading it. */
  readonly diagnostics: readonly Diagnostic[];
  /** `performance.now()` when the change behind this input was first seen. */
  readonly seenAt: number;
}

/** What the loop needs of a data plane. */
export interface DataPlaneTarget {
  /**
   * Applies an IR; resolves with the sockets that could not be bound (socket id → reason), and
   * optionally every socket's listener-level problems (the data plane's ApplyResult.sockets).
   */
  apply(ir: Ir): Promise<ReadonlyMap<string, string> & { readonly sockets?: readonly AppliedSocket[] }>;
}

/** The part of a data plane SocketState the loop reads. */
export interface AppliedSocket {
  readonly problems?: readonly { readonly listenerId: string; readonly message: string }[];
}

export interface LoopOptions {
  readonly translate: (snapshot: Snapshot, options: TranslateOptions) => TranslateResult;
  readonly translateOptions: Omit<TranslateOptions, 'now' | 'previousStatuses' | 'unavailableSockets' | 'listenerProblems'>;
  readonly dataPlane: DataPlaneTarget | null;
  readonly view: ResourceView;
  readonly logger: Logger;
  readonly metrics?: ControlPlaneMetrics;
  /** The clock for lastTransitionTime. */
  readonly now?: () => string;
}

export class ControlLoop {
  readonly #options: LoopOptions;
  #pending: LoopInput | null = null;
  #running: Promise<void> | null = null;
  #ir: Ir | null = null;
  #diagnostics: readonly Diagnostic[] = [];
  #unavailable: ReadonlyMap<string, string> = new Map();
  #generation = 0;

  constructor(options: LoopOptions) {
    this.#options = options;
  }

  /** Queues an object set; a newer one replaces a queued one that has not started. */
  submit(input: LoopInput): void {
    this.#pending = input;
    this.#running ??= this.#drain().finally(() => { this.#running = null; });
  }

  /** Resolves once everything submitted so far is applied and published. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** True once the first configuration is applied. */
  get ready(): boolean {
    return this.#generation > 0;
  }

  get ir(): Ir | null {
    return this.#ir;
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.#diagnostics;
  }

  /** Sockets the data plane could not bind at the last apply. */
  get unavailableSockets(): ReadonlyMap<string, string> {
    return this.#unavailable;
  }

  async #drain(): Promise<void> {
    while (this.#pending) {
      const input = this.#pending;
      this.#pending = null;
      try {
        await this.#cycle(input);
      } catch (error) {
        // A bug in translation or apply must not stop the loop: the last good configuration keeps serving.
        this.#options.metrics?.translations.inc({ result: 'error' });
        this.#options.logger.error({ err: error }, 'configuration cycle failed; the previous configuration keeps serving');
      }
    }
  }

  async #cycle(input: LoopInput): Promise<void> {
    const { translate, translateOptions, dataPlane, view, logger, metrics } = this.#options;
    const now = this.#options.now ?? (() => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));
    const snapshot = snapshotOf(input.objects);
    const previousStatuses = view.previousStatuses();
    const translateWith = (unavailableSockets: ReadonlyMap<string, string>, listenerProblems?: ReadonlyMap<string, readonly string[]>) => {
      const started = performance.now();
      const result = translate(snapshot, { ...translateOptions, now: now(), previousStatuses, unavailableSockets, ...(listenerProblems && { listenerProblems }) });
      metrics?.translationSeconds.observe((performance.now() - started) / 1000);
      return result;
    };
    let result = translateWith(new Map());
    let unavailable: ReadonlyMap<string, string> = new Map();
    if (dataPlane) {
      const applied = await dataPlane.apply(result.ir);
      unavailable = applied;
      const problems = listenerProblemsOf(applied.sockets ?? []);
      for (const [listener, messages] of problems) logger.warn({ listener, problems: messages }, 'the data plane cannot serve part of a listener');
      if (unavailable.size > 0 || problems.size > 0) {
        for (const [socket, reason] of unavailable) logger.warn({ socket, reason }, 'could not bind a listener socket');
        result = translateWith(unavailable, problems);
        // Listener problems leave the IR as it was (the listener keeps its usable certificates); only status changes.
        if (unavailable.size > 0) await dataPlane.apply(result.ir);
      }
    }
    this.#ir = result.ir;
    this.#unavailable = unavailable;
    this.#diagnostics = input.diagnostics;
    view.publish(input.objects, result.statuses);
    this.#generation++;
    const elapsedMs = performance.now() - input.seenAt;
    metrics?.translations.inc({ result: 'ok' });
    metrics?.applySeconds.observe(elapsedMs / 1000);
    metrics?.configErrors.set(input.diagnostics.filter((d) => d.severity === 'error').length);
    logger.info({ generation: this.#generation, objects: input.objects.length, sockets: result.ir.sockets.length, errors: input.diagnostics.filter((d) => d.severity === 'error').length }, 'configuration applied');
    logger.debug({ generation: this.#generation, changeToServedMs: Math.round(elapsedMs * 100) / 100 }, 'time from change seen to configuration served and status published');
  }
}

/** Listener id → the data plane's messages about it. */
function listenerProblemsOf(sockets: readonly AppliedSocket[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of sockets.flatMap((s) => s.problems ?? [])) {
    const list = out.get(p.listenerId);
    if (list === undefined) out.set(p.listenerId, [p.message]);
    else list.push(p.message);
  }
  return out;
}
