/** Entry point of a data plane worker process (see workers.ts): applies what the primary sends. */
import { Registry } from 'prom-client';
import { createLogger } from '../observability/logger.ts';
import type { DataPlaneOptions } from './options.ts';
import { DataPlane } from './data-plane.ts';
import { WORKER_OPTIONS_ENV, type FromWorker, type ToWorker, type WorkerOptions } from './workers.ts';

const options = JSON.parse(process.env[WORKER_OPTIONS_ENV] ?? '{}') as Partial<WorkerOptions>;
const registry = options.metrics ? new Registry() : null;
const dataPlaneOptions: DataPlaneOptions = {
  ...(options.timeouts ? { timeouts: options.timeouts } : {}),
  ...(options.maxConnectionsPerEndpoint ? { maxConnectionsPerEndpoint: options.maxConnectionsPerEndpoint } : {}),
  ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}),
  ...(options.accessLog ? { accessLog: process.stdout } : {}),
  ...(registry !== null ? { metrics: registry } : {}),
  // Problems only (a backend's TLS refused, a socket that cannot bind): the primary logs the rest once.
  logger: createLogger('warn').child({ component: 'dataplane', worker: process.pid }),
};
const dataPlane = new DataPlane(dataPlaneOptions);
const send = (msg: FromWorker) => process.send?.(msg);

process.on('message', (msg: ToWorker) => {
  if (msg.type === 'apply') {
    dataPlane.apply(msg.ir).then(
      (result) => send({ type: 'applied', seq: msg.seq, sockets: [...result.sockets] }),
      (err: Error) => send({ type: 'apply-failed', seq: msg.seq, message: err.message }),
    );
  } else if (msg.type === 'metrics') {
    void (registry?.getMetricsAsJSON() ?? Promise.resolve([])).then((metrics) => send({ type: 'metrics', seq: msg.seq, metrics }));
  } else if (msg.type === 'close') {
    void dataPlane.close(msg.deadlineMs).then(() => process.exit(0));
  }
});
// The primary is gone: nobody can configure or drain this worker any more.
process.on('disconnect', () => { void dataPlane.close(1_000).then(() => process.exit(0)); });
