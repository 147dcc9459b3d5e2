/**
 * `switchyard proxy`: a provisioned Gateway proxy. Takes its Gateway's configuration from the
 * controller over the config stream and serves it with the data plane. It holds no Kubernetes
 * credentials (automountServiceAccountToken is off in its pod) and keeps serving its last
 * configuration while the controller is away.
 *
 * SIGTERM drains: /readyz turns 503 at once so the Service stops sending new connections, then
 * after `drainDelayMs` (endpoint removal propagating) the data plane stops accepting and lets
 * in-flight requests finish within `drainMs`.
 */
import { readFileSync } from 'node:fs';
import { createDataPlane } from '../dataplane/index.ts';
import { createLogger, type LogLevel } from '../observability/index.ts';
import { sleep } from '../providers/kubernetes/backoff.ts';
import { bindSocketsTo } from './bind-address.ts';
import { startHealthServer } from './health.ts';
import { splitHostPort } from './host-port.ts';
import { StreamClient } from './stream-client.ts';

export interface ProxyArgs {
  /** HOST:PORT of the controller's config stream. */
  readonly controller: string;
  /** `namespace/name` of the Gateway served. */
  readonly gateway: string;
  /** File holding the stream key (hex), mounted from the Gateway's stream Secret. */
  readonly keyFile: string;
  readonly bindAddress: string;
  readonly health: string;
  readonly proxyId: string;
  readonly logLevel: LogLevel;
  readonly workers: number;
  readonly drainDelayMs: number;
  readonly drainMs: number;
}

export async function runProxy(args: ProxyArgs): Promise<number> {
  const logger = createLogger(args.logLevel).child({ gateway: args.gateway, proxy: args.proxyId });
  const key = Buffer.from(readFileSync(args.keyFile, 'utf8').trim(), 'hex');
  if (key.length < 16) throw new Error(`${args.keyFile}: the stream key must be at least 16 bytes of hex`);
  const dataPlane = createDataPlane({ workers: args.workers, logger: logger.child({ component: 'dataplane' }) });
  let draining = false;
  const controller = splitHostPort(args.controller, '--controller');
  const client = new StreamClient({
    host: controller.host, port: controller.port, gateway: args.gateway, key, proxy: args.proxyId, logger,
    apply: async (ir) => {
      const result = await dataPlane.apply(bindSocketsTo(ir, args.bindAddress));
      return { ready: dataPlane.listening() && result.size === 0, unavailable: Object.fromEntries(result) };
    },
  });
  const health = splitHostPort(args.health, '--health');
  const probes = await startHealthServer(() => !draining && client.version !== null && dataPlane.listening(), health.host, health.port);
  logger.info({ health: `${probes.address.address}:${probes.address.port}` }, 'proxy health endpoints listening');
  const abort = new AbortController();
  const streaming = client.run(abort.signal);

  return new Promise<number>((resolve) => {
    const stop = async (signal: string) => {
      if (draining) return;
      draining = true;
      logger.info({ signal }, 'draining: readiness off, then no new connections; in-flight requests finish');
      await sleep(args.drainDelayMs);
      abort.abort();
      await streaming;
      await dataPlane.close(args.drainMs);
      await probes.close();
      logger.info('stopped');
      resolve(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
  });
}
