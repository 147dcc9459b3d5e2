export { ClusterRuntime } from './cluster.ts';
export { EndpointPool, poolKey, type PoolOptions } from './endpoint-pool.ts';
export { PoolRegistry, type PoolGeneration } from './pool-registry.ts';
export { WeightedPicker } from './weighted.ts';
