/**
 * Echo backends standing in for the suite's Deployments: one echo server (harness/echo.ts) per
 * Deployment (one replica: scenarios assert which backend answers, by pod-name prefix, as upstream
 * does, never how many replicas exist), its pod named `<deployment>-standalone` in its namespace.
 */
import { echoTlsFor } from './backend-tls.ts';
import { startEchoBackend, type EchoBackend } from './echo.ts';
import type { BackendSpec } from './manifests.ts';

export interface Backends {
  /** Echo port by `namespace/deployment`. */
  readonly ports: ReadonlyMap<string, number>;
  /** Request targets each echo received, by `namespace/deployment` (the suite reads them from pod logs). */
  readonly received: ReadonlyMap<string, readonly string[]>;
  stop(): Promise<void>;
}

export async function startBackends(specs: readonly BackendSpec[]): Promise<Backends> {
  const unique = [...new Map(specs.map((s) => [`${s.namespace}/${s.deployment}`, s])).values()];
  const running: EchoBackend[] = [];
  const ports = new Map<string, number>();
  const received = new Map<string, readonly string[]>();
  try {
    await Promise.all(unique.map(async (spec) => {
      const tls = spec.tls === undefined ? undefined : await echoTlsFor(spec.tls);
      const echo = await startEchoBackend({ pod: `${spec.deployment}-standalone`, namespace: spec.namespace }, tls);
      running.push(echo);
      ports.set(`${spec.namespace}/${spec.deployment}`, echo.port);
      received.set(`${spec.namespace}/${spec.deployment}`, echo.received);
    }));
  } catch (err) {
    await Promise.all(running.map((r) => r.close()));
    throw err;
  }
  return { ports, received, stop: async () => { await Promise.all(running.map((r) => r.close())); } };
}
