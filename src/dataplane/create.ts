/** Chooses the data plane implementation from the options. */
import { DataPlane, type DataPlaneApi } from './data-plane.ts';
import type { DataPlaneOptions } from './options.ts';

export function createDataPlane(options: DataPlaneOptions = {}): DataPlaneApi {
  return new DataPlane(options);
}
