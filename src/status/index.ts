export * from './resource-view.ts';
