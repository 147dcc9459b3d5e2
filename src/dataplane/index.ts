/**
 * The data plane: serves the IR. Reads only ir/ (lint-enforced).
 *
 * - `createDataPlane(options)` → a `DataPlaneApi`: `apply(ir)` applies an IR atomically and resolves
 *   with an `ApplyResult` (a Map of unbindable socket id → reason, plus every socket's state);
 *   `close(deadlineMs)` drains gracefully; `listening()` tells readiness.
 * - `DataPlane` is the single-process implementation (also what each worker runs);
 *   `WorkerDataPlane` forks `workers` node:cluster workers sharing the sockets.
 */
export { ApplyResult, DataPlane, type DataPlaneApi, type SocketState } from './data-plane.ts';
export { createDataPlane } from './create.ts';
export { WorkerDataPlane } from './workers.ts';
export type { DataPlaneLogger, DataPlaneOptions, DataPlaneTimeouts } from './options.ts';
export { DEFAULT_TIMEOUTS } from './options.ts';
export { NOOP_OBSERVER, combineObservers, type DataPlaneObserver, type RequestRecord } from './observer.ts';
export { createMetricsObserver } from './metrics.ts';
export { createAccessLogObserver, type LineSink } from './access-log.ts';
