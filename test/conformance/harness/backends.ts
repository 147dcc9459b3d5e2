/**
 * Echo backends standing in for the suite's Deployments: one echo server (harness/echo.ts) per
 * Deployment (one replica: scenarios assert which backend answers, by pod-name prefix, as upstream
 * does, never how many replicas exist), its pod named `<deployment>-standalone` in its namespace.
 */
import { echoTlsFor } from './backend-tls.ts';
import { startEchoBackend, type EchoBackend } from './echo.ts';
import { startGrpcEcho } from './grpc-echo.ts';
import { startTcpEcho, startUdpEcho } from './stream-echo.ts';
import { terminateTls, tlsChecks } from './tls-checks.ts';

/** The echo pods serving HTTPS with tls-checks-certificate (base manifests' tls-backend Deployments). */
const TLS_ECHO = /^tls-backend/;
/** echo-basic's HTTP/2 prior-knowledge port (H2C_PORT), the base Services' h2c targetPort. */
const H2C_CONTAINER_PORT = 3001;
/** The container port the gRPC echo serves TLS on (the BackendTLSPolicy Services' targetPort). */
const GRPC_TLS_CONTAINER_PORT = 8443;
import type { BackendSpec } from './manifests.ts';

export interface Backends {
  /** Echo port by `namespace/deployment`, and by `namespace/deployment:containerPort` for a backend with several. */
  readonly ports: ReadonlyMap<string, number>;
  /** Request targets each echo received, by `namespace/deployment` (the suite reads them from pod logs). */
  readonly received: ReadonlyMap<string, readonly string[]>;
  stop(): Promise<void>;
}

export async function startBackends(specs: readonly BackendSpec[]): Promise<Backends> {
  const unique = [...new Map(specs.map((s) => [`${s.namespace}/${s.deployment}`, s])).values()];
  const running: Pick<EchoBackend, 'close'>[] = [];
  const ports = new Map<string, number>();
  const received = new Map<string, readonly string[]>();
  try {
    await Promise.all(unique.map(async (spec) => {
      if (spec.serves !== 'http') {
        const other = await startNonHttp(spec);
        running.push(other);
        for (const [containerPort, port] of other.ports) ports.set(`${spec.namespace}/${spec.deployment}:${containerPort}`, port);
        ports.set(`${spec.namespace}/${spec.deployment}`, other.ports.values().next().value!);
        return;
      }
      const tls = spec.tls === undefined ? undefined : await echoTlsFor(spec.tls);
      const echo = await startEchoBackend({ pod: `${spec.deployment}-standalone`, namespace: spec.namespace }, tls);
      running.push(echo);
      ports.set(`${spec.namespace}/${spec.deployment}`, echo.port);
      // echo-basic's h2c container port (the Service port with appProtocol kubernetes.io/h2c targets it).
      if (echo.h2cPort !== undefined) ports.set(`${spec.namespace}/${spec.deployment}:${H2C_CONTAINER_PORT}`, echo.h2cPort);
      // An echo given its Secret (TLS_SERVER_CERT, backend-tls.ts) serves TLS itself and reports the SNI.
      if (TLS_ECHO.test(spec.deployment) && tls === undefined) {
        const secure = await terminateTls(echo.port, (await tlsChecks()).certificates.get('tls-checks-certificate')!);
        running.push(secure);
        ports.set(`${spec.namespace}/${spec.deployment}`, secure.port);
      }
      received.set(`${spec.namespace}/${spec.deployment}`, echo.received);
    }));
  } catch (err) {
    await Promise.all(running.map((r) => r.close()));
    throw err;
  }
  return { ports, received, stop: async () => { await Promise.all(running.map((r) => r.close())); } };
}

/** The gRPC, TCP (plain and TLS), UDP and DNS stand-ins (grpc-echo.ts, stream-echo.ts). */
async function startNonHttp(spec: BackendSpec): Promise<{ ports: ReadonlyMap<number, number>; close(): Promise<void> }> {
  const identity = { pod: `${spec.deployment}-standalone`, namespace: spec.namespace, service: spec.deployment };
  if (spec.serves === 'grpc') {
    // With TLS_SERVER_CERT (the base grpc-infra-backend-v1) it also serves gRPC over TLS on 8443.
    const grpc = await startGrpcEcho(identity, spec.tls === undefined ? undefined : await echoTlsFor(spec.tls));
    return { ports: new Map([[3000, grpc.port], ...(grpc.tlsPort === undefined ? [] : [[GRPC_TLS_CONTAINER_PORT, grpc.tlsPort] as const])]), close: grpc.close };
  }
  if (spec.serves === 'tcp') {
    // Only the base tcp-backend mounts a certificate (tls-passthrough-checks-certificate); the test Deployments serve plain TCP.
    const certificate = spec.deployment === 'tcp-backend' ? (await tlsChecks()).certificates.get('tls-passthrough-checks-certificate') : undefined;
    return startTcpEcho(identity, certificate);
  }
  return startUdpEcho(identity, spec.serves === 'dns');
}
