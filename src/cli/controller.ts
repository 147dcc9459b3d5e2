/** `switchyard controller` flags → runController. */
import { parseArgs } from 'node:util';
import { DEFAULT_IDENTITY, runController } from '../controller/index.ts';
import { LOG_LEVELS, type LogLevel } from '../observability/index.ts';

export async function runControllerCommand(argv: readonly string[]): Promise<number> {
  const env = process.env;
  const { values } = parseArgs({ args: [...argv], options: {
    kubeconfig: { type: 'string' },
    namespace: { type: 'string', default: env.POD_NAMESPACE },
    'lease-name': { type: 'string', default: 'switchyard-controller' },
    identity: { type: 'string', default: DEFAULT_IDENTITY() },
    'stream-listen': { type: 'string', default: '0.0.0.0:18000' },
    'stream-address': { type: 'string' },
    health: { type: 'string', default: '0.0.0.0:8081' },
    'proxy-image': { type: 'string', default: env.SWITCHYARD_PROXY_IMAGE ?? 'ghcr.io/switchyard-dev/switchyard:0.1.0' },
    'lease-duration': { type: 'string', default: '15' },
    'retry-period-ms': { type: 'string', default: '2000' },
    'log-level': { type: 'string', default: env.SWITCHYARD_LOG_LEVEL ?? 'info' },
  } });
  if (!(LOG_LEVELS as readonly string[]).includes(values['log-level'])) throw new Error(`--log-level takes one of ${LOG_LEVELS.join(', ')}`);
  const leaseDurationSeconds = Number(values['lease-duration']);
  if (!(leaseDurationSeconds >= 1)) throw new Error('--lease-duration takes a number of seconds >= 1');
  return runController({
    kubeconfig: values.kubeconfig, namespace: values.namespace, leaseName: values['lease-name'], identity: values.identity,
    streamListen: values['stream-listen'], streamAddress: values['stream-address'], health: values.health,
    proxyImage: values['proxy-image'], logLevel: values['log-level'] as LogLevel,
    leaseDurationSeconds, retryPeriodMs: Number(values['retry-period-ms']),
  });
}
