/**
 * Echo backends standing in for the suite's Deployments: one `switchyard echo --json` process per
 * Deployment (one replica: scenarios assert which backend answers, by pod-name prefix, as upstream
 * does, never how many replicas exist), named `<deployment>-standalone` in its namespace.
 */
import { startEcho, type Running } from '../../helpers/switchyard.ts';
import type { BackendSpec } from './manifests.ts';

export interface Backends {
  /** Echo port by `namespace/deployment`. */
  readonly ports: ReadonlyMap<string, number>;
  stop(): Promise<void>;
}

export async function startBackends(specs: readonly BackendSpec[]): Promise<Backends> {
  const unique = [...new Map(specs.map((s) => [`${s.namespace}/${s.deployment}`, s])).values()];
  const running: (Running & { port: number })[] = [];
  const ports = new Map<string, number>();
  try {
    await Promise.all(unique.map(async (spec) => {
      const echo = await startEcho(['--json', '--name', `${spec.deployment}-standalone`, '--namespace', spec.namespace]);
      running.push(echo);
      ports.set(`${spec.namespace}/${spec.deployment}`, echo.port);
    }));
  } catch (err) {
    await Promise.all(running.map((r) => r.stop()));
    throw err;
  }
  return { ports, stop: async () => { await Promise.all(running.map((r) => r.stop())); } };
}
