/**
 * `switchyard serve -f PATH…`: the standalone composition root. Wires the file source, the control
 * loop, the translator, the data plane and the admin API; handles signals:
 * SIGHUP reloads, SIGTERM/SIGINT drain (stop accepting, finish in-flight requests, exit).
 */
import { performance } from 'node:perf_hooks';
import { CONTROLLER_NAME } from '../api/index.ts';
import { startAdminServer } from '../admin/index.ts';
import { createDataPlane } from '../dataplane/index.ts';
import { ControlLoop } from '../loop.ts';
import { createControlPlaneMetrics, createLogger, LOG_LEVELS, type LogLevel } from '../observability/index.ts';
import { formatDiagnostic } from '../providers/diagnostics.ts';
import { FileProvider } from '../providers/file/file-provider.ts';
import type { LoadResult } from '../providers/file/load.ts';
import { ResourceView } from '../status/index.ts';
import { translate } from '../translator/index.ts';

export interface ServeArgs {
  readonly paths: readonly string[];
  readonly admin: string;
  readonly bindAddress: string;
  readonly workers: number | undefined;
  readonly accessLog: boolean;
  readonly logLevel: string;
  /** Time in-flight requests get on SIGTERM. */
  readonly drainMs?: number;
}

function splitHostPort(value: string): { host: string; port: number } {
  const colon = value.lastIndexOf(':');
  const port = Number(value.slice(colon + 1));
  if (colon < 0 || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--admin takes HOST:PORT, got "${value}"`);
  return { host: value.slice(0, colon).replace(/^\[|\]$/g, ''), port };
}

export async function runServe(args: ServeArgs): Promise<number> {
  if (!(LOG_LEVELS as readonly string[]).includes(args.logLevel)) throw new Error(`--log-level takes one of ${LOG_LEVELS.join(', ')}`);
  const logger = createLogger(args.logLevel as LogLevel);
  const metrics = createControlPlaneMetrics();
  const view = new ResourceView();
  const dataPlane = createDataPlane({
    ...(args.workers !== undefined && { workers: args.workers }),
    logger: logger.child({ component: 'dataplane' }),
    metrics: metrics.registry,
    ...(args.accessLog && { accessLog: { write: (line: string) => process.stdout.write(line.endsWith('\n') ? line : `${line}\n`) } }),
  });
  const loop = new ControlLoop({
    translate,
    translateOptions: { controllerName: CONTROLLER_NAME, defaultAddresses: [args.bindAddress] },
    dataPlane,
    view,
    logger: logger.child({ component: 'loop' }),
    metrics,
  });

  const onLoad = (load: LoadResult, seenAt: number) => {
    for (const d of load.errors) logger.error({ file: d.file, line: d.line, resource: d.resource, field: d.field, code: d.code }, formatDiagnostic(d));
    for (const d of load.warnings) logger.warn({ file: d.file, line: d.line, resource: d.resource, code: d.code }, formatDiagnostic(d));
    loop.submit({ objects: load.objects.map((o) => o.object), diagnostics: [...load.errors, ...load.warnings], seenAt });
  };
  // A 25 ms quiet period: an editor's save or a ConfigMap swap is one burst of events well inside
  // it, and route changes reach traffic sooner (the 75 ms default dominated the change-to-serving time).
  const provider = new FileProvider(args.paths, {
    onLoad: (load) => onLoad(load, performance.now()),
    logger: logger.child({ component: 'files' }),
    debounceMs: 25,
  });

  const { host, port } = splitHostPort(args.admin);
  const admin = await startAdminServer({
    view,
    registry: metrics.registry,
    ready: () => loop.ready && dataPlane.listening(),
    config: () => loop.ir,
    diagnostics: () => loop.diagnostics,
  }, host, port);
  logger.info({ admin: `${admin.address.address}:${admin.address.port}` }, 'admin API listening');
  await provider.start();

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'draining: no new connections; in-flight requests finish');
      await provider.close();
      await dataPlane.close(args.drainMs ?? 10_000);
      await admin.close();
      logger.info('stopped');
      resolve(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGHUP', () => { logger.info('SIGHUP: reloading configuration'); provider.reload(); });
  });
}
