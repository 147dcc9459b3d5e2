/**
 * `switchyard controller`: the Kubernetes-mode composition root. Wires the Kubernetes source, the
 * reconciler (translate → config stream → provision → status), leader election and the config
 * stream server; serves /healthz and /readyz. Every replica watches and translates; only the
 * leader listens for proxies, provisions and writes status. /readyz is 200 on the leader only, so
 * the controller Service (and the proxies' stream connections) reach the leader.
 */
import { hostname } from 'node:os';
import { CONTROLLER_NAME } from '../api/index.ts';
import { createLogger, type Logger, type LogLevel } from '../observability/index.ts';
import { CORE_RESOURCES, KubeClient, KubernetesProvider, StatusWriter, findClusterConfig } from '../providers/kubernetes/index.ts';
import { startHealthServer } from '../proxy/health.ts';
import { splitHostPort } from '../proxy/host-port.ts';
import { LeaderElector } from './leader-election.ts';
import { Provisioner } from './provision/provisioner.ts';
import { provisionNames } from './provision/names.ts';
import { Reconciler } from './reconciler.ts';
import { ConfigStreamServer } from './stream/server.ts';

export interface ControllerArgs {
  readonly kubeconfig: string | undefined;
  /** Namespace of the leader-election Lease (the controller's own namespace). */
  readonly namespace: string | undefined;
  readonly leaseName: string;
  readonly identity: string;
  /** Where the config stream listens (leader only). */
  readonly streamListen: string;
  /** HOST:PORT proxies dial; defaults to the controller Service in its namespace. */
  readonly streamAddress: string | undefined;
  readonly health: string;
  readonly proxyImage: string;
  readonly logLevel: LogLevel;
  readonly leaseDurationSeconds: number;
  readonly retryPeriodMs: number;
}

export interface RunningController {
  readonly elector: LeaderElector;
  readonly reconciler: Reconciler;
  readonly stream: ConfigStreamServer;
  readonly provider: KubernetesProvider;
  readonly provisioner: Provisioner;
  readonly writer: StatusWriter;
  readonly health: { address: { address: string; port: number } };
  /** Resolves once the first object set was read (rejects when the cluster cannot be read). */
  readonly started: Promise<void>;
  /** Releases leadership and closes everything. */
  stop(): Promise<void>;
}

/** Starts a controller; `runController` adds signal handling. Tests start several in one process. */
export async function startController(args: ControllerArgs, logger: Logger = createLogger(args.logLevel).child({ identity: args.identity })): Promise<RunningController> {
  const cluster = findClusterConfig(args.kubeconfig ? { kubeconfig: args.kubeconfig } : {});
  const namespace = args.namespace ?? cluster.namespace ?? 'switchyard-system';
  logger.info({ cluster: cluster.server, source: cluster.source, namespace }, 'connecting to the cluster');
  const client = new KubeClient(cluster);
  const provider = new KubernetesProvider({ client, logger: logger.child({ component: 'watch' }), extraResources: [CORE_RESOURCES.SwitchyardProxy] });
  const provisioner = new Provisioner(client, logger.child({ component: 'provision' }));
  const writer = new StatusWriter({
    client, logger: logger.child({ component: 'status' }), controllerName: CONTROLLER_NAME,
    resourceOf: (kind) => provider.resourceOf(kind), cached: (kind, ns, name) => provider.get(kind, ns, name),
  });
  // A key is known once provisioning read or created the Gateway's Secret; after a takeover the
  // watched Secret answers before this leader has provisioned anything.
  const keyFor = (gateway: string): Buffer | null => {
    const known = provisioner.keyFor(gateway);
    if (known) return known;
    const [ns, name] = gateway.split('/') as [string, string];
    const gw = provider.get('Gateway', ns, name) as { spec?: { gatewayClassName?: string } } | undefined;
    if (!gw?.spec?.gatewayClassName) return null;
    const secret = provider.get('Secret', ns, provisionNames(name, gw.spec.gatewayClassName).streamSecret) as { data?: { key?: string } } | undefined;
    return secret?.data?.key ? Buffer.from(Buffer.from(secret.data.key, 'base64').toString('utf8').trim(), 'hex') : null;
  };
  let reconciler: Reconciler | null = null;
  const stream = new ConfigStreamServer({ keyFor, logger: logger.child({ component: 'stream' }), onProxyChange: () => reconciler?.kick() });
  const elector = new LeaderElector({
    client, namespace, name: args.leaseName, identity: args.identity, logger: logger.child({ component: 'election' }),
    leaseDurationSeconds: args.leaseDurationSeconds, retryPeriodMs: args.retryPeriodMs,
    renewDeadlineMs: Math.round(args.leaseDurationSeconds * 1000 * 2 / 3),
    onChange: (leading) => void onLeadership(leading),
  });
  const streamListen = splitHostPort(args.streamListen, '--stream-listen');
  const onLeadership = async (leading: boolean) => {
    try {
      if (leading && !stream.listening) {
        const address = await stream.listen(streamListen.host, streamListen.port);
        logger.info({ stream: `${address.address}:${address.port}` }, 'config stream listening');
      } else if (!leading) {
        await stream.close();
      }
    } catch (error) {
      logger.error({ err: (error as Error).message }, 'config stream could not listen');
    }
    reconciler?.kick();
  };
  reconciler = new Reconciler({
    logger: logger.child({ component: 'reconcile' }), stream, leading: () => elector.leading,
    lookup: (kind, ns, name) => provider.get(kind, ns, name),
    provision: (ctx) => provisioner.ensure(ctx), writeStatus: (batch) => writer.write(batch),
    image: args.proxyImage,
    controllerAddress: args.streamAddress ?? `switchyard-controller.${namespace}.svc:${streamListen.port}`,
  });
  const healthAddress = splitHostPort(args.health, '--health');
  const health = await startHealthServer(() => elector.leading && reconciler.cycles > 0 && stream.listening, healthAddress.host, healthAddress.port);
  logger.info({ health: `${health.address.address}:${health.address.port}` }, 'controller health endpoints listening');

  const abort = new AbortController();
  const r = reconciler;
  const started = provider.start((update) => r.submit(update.objects.map((o) => o.object)), abort.signal);
  const electing = started.then(() => elector.run(abort.signal));
  electing.catch(() => {});
  let stopped: Promise<void> | null = null;
  const stop = () => stopped ??= (async () => {
    abort.abort();
    await electing.catch(() => {});
    await stream.close();
    await health.close();
    client.close();
  })();
  return { elector, reconciler, stream, provider, provisioner, writer, health, started, stop };
}

export async function runController(args: ControllerArgs): Promise<number> {
  const logger = createLogger(args.logLevel).child({ identity: args.identity });
  const controller = await startController(args, logger);
  return new Promise<number>((resolve) => {
    const stop = async (signal: string, code: number) => {
      logger.info({ signal }, 'stopping: releasing leadership');
      await controller.stop();
      resolve(code);
    };
    process.on('SIGTERM', () => void stop('SIGTERM', 0));
    process.on('SIGINT', () => void stop('SIGINT', 0));
    controller.started.catch((error: unknown) => {
      logger.fatal({ err: (error as Error).message }, 'cannot read the cluster');
      void stop('error', 1);
    });
  });
}

export const DEFAULT_IDENTITY = (): string => process.env.POD_NAME ?? hostname();
