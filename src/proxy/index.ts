/** `switchyard proxy`: serves one Gateway's configuration streamed from the controller. */
export { runProxy, type ProxyArgs } from './run.ts';
export { splitHostPort } from './host-port.ts';
export { StreamClient, type ApplyOutcome, type StreamClientOptions } from './stream-client.ts';
export { bindSocketsTo } from './bind-address.ts';
export { startHealthServer, type HealthServer } from './health.ts';
