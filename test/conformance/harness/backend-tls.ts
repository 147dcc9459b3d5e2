/**
 * The TLS echo backends of BackendTLSPolicy scenarios (echo-basic with TLS_SERVER_CERT): which
 * Secret a Deployment serves (its secret volume) and which ConfigMap holds the CA its clients must
 * chain to (TLS_CLIENT_CACERTS through a configMap volume), resolved to the certificates the suite
 * setup makes (tls-checks.ts).
 */
import type { TestCert } from '../../helpers/certs.ts';
import type { EchoTls } from './echo.ts';
import type { Obj } from './manifests.ts';
import { tlsChecks } from './tls-checks.ts';

/** Client certificates Gateways present to backends, by Secret name (filled once tls-checks are made). */
export const BACKEND_CLIENT_CERTIFICATES = new Map<string, TestCert>();

/** A Deployment's TLS serving: the Secret its certificate comes from, the client CA ConfigMap if any. */
export interface TlsServing {
  readonly secret: string;
  readonly clientCaConfigMap?: string;
}

export function tlsServingOf(deployment: Obj): TlsServing | undefined {
  const spec = deployment.spec?.template?.spec ?? {};
  const env = new Set(((spec.containers?.[0]?.env ?? []) as Obj[]).map((e) => e.name));
  if (!env.has('TLS_SERVER_CERT')) return undefined;
  const volumes = (spec.volumes ?? []) as Obj[];
  const secret = volumes.find((v) => v.secret)?.secret.secretName as string | undefined;
  if (secret === undefined) return undefined;
  const clientCa = env.has('TLS_CLIENT_CACERTS') ? volumes.find((v) => v.configMap)?.configMap.name as string | undefined : undefined;
  return { secret, ...(clientCa !== undefined && { clientCaConfigMap: clientCa }) };
}

/** The certificate (and client CA) an echo serves for `serving`; every tls-checks Secret is signed by the one CA. */
export async function echoTlsFor(serving: TlsServing): Promise<EchoTls> {
  const checks = await tlsChecks();
  for (const [name, cert] of checks.certificates) if (name.endsWith('client-certificate')) BACKEND_CLIENT_CERTIFICATES.set(name, cert);
  const cert = checks.certificates.get(serving.secret);
  if (cert === undefined) throw new Error(`no harness certificate for Secret ${serving.secret}`);
  return { certPem: cert.certPem, keyPem: cert.keyPem, ...(serving.clientCaConfigMap !== undefined && { clientCaPem: checks.caPem }) };
}
