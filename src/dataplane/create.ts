/** Chooses the data plane implementation from the options: in-process for 1 worker, node:cluster beyond. */
import { availableParallelism } from 'node:os';
import { DataPlane, type DataPlaneApi } from './data-plane.ts';
import type { DataPlaneOptions } from './options.ts';
import { WorkerDataPlane } from './workers.ts';

export function createDataPlane(options: DataPlaneOptions = {}): DataPlaneApi {
  const workers = options.workers ?? availableParallelism();
  return workers > 1 ? new WorkerDataPlane(workers, options) : new DataPlane(options);
}
