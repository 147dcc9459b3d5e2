export type * from './meta.ts';
export type * from './core.ts';
export type * from './gateway-api.ts';
export * from './kinds.ts';
