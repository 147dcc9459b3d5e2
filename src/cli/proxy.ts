/** `switchyard proxy` flags → runProxy. Flags default from SWITCHYARD_* variables, which the provisioned Deployment sets. */
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { LOG_LEVELS, type LogLevel } from '../observability/index.ts';
import { runProxy } from '../proxy/index.ts';

export async function runProxyCommand(argv: readonly string[]): Promise<number> {
  const env = process.env;
  const { values } = parseArgs({ args: [...argv], options: {
    controller: { type: 'string', default: env.SWITCHYARD_CONTROLLER },
    gateway: { type: 'string', default: env.SWITCHYARD_GATEWAY },
    'key-file': { type: 'string', default: env.SWITCHYARD_STREAM_KEY_FILE ?? '/etc/switchyard/stream/key' },
    'bind-address': { type: 'string', default: env.SWITCHYARD_BIND_ADDRESS ?? '0.0.0.0' },
    health: { type: 'string', default: env.SWITCHYARD_HEALTH ?? '0.0.0.0:8082' },
    id: { type: 'string', default: env.POD_NAME ?? hostname() },
    workers: { type: 'string', default: env.SWITCHYARD_WORKERS ?? '1' },
    'drain-delay-ms': { type: 'string', default: '5000' },
    'drain-ms': { type: 'string', default: '10000' },
    'log-level': { type: 'string', default: env.SWITCHYARD_LOG_LEVEL ?? 'info' },
  } });
  if (!values.controller) throw new Error('proxy needs --controller HOST:PORT');
  if (!values.gateway || !/^[^/]+\/[^/]+$/.test(values.gateway)) throw new Error('proxy needs --gateway NAMESPACE/NAME');
  if (!(LOG_LEVELS as readonly string[]).includes(values['log-level'])) throw new Error(`--log-level takes one of ${LOG_LEVELS.join(', ')}`);
  return runProxy({
    controller: values.controller, gateway: values.gateway, keyFile: values['key-file'],
    bindAddress: values['bind-address'], health: values.health, proxyId: values.id,
    logLevel: values['log-level'] as LogLevel, workers: Number(values.workers),
    drainDelayMs: Number(values['drain-delay-ms']), drainMs: Number(values['drain-ms']),
  });
}
