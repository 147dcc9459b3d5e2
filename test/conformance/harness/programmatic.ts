/**
 * The objects the suite creates in code rather than from manifests (its setup's "programmatic
 * resources"): the self-signed certificate Secrets HTTPS listeners reference. Only those the
 * scenarios run so far need; CA ConfigMaps and client certificates come with the scenarios that
 * use them (client-certificate validation, BackendTLSPolicy).
 */
import { selfSigned } from '../../helpers/certs.ts';
import type { Obj } from './manifests.ts';

async function tlsSecret(namespace: string, name: string, dnsNames: readonly string[]): Promise<Obj> {
  const cert = await selfSigned({ dnsNames, keyType: 'ecdsa' });
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return {
    apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/tls',
    metadata: { name, namespace },
    data: { 'tls.crt': b64(cert.certPem), 'tls.key': b64(cert.keyPem) },
  };
}

export async function programmaticObjects(): Promise<Obj[]> {
  return Promise.all([
    tlsSecret('gateway-conformance-web-backend', 'certificate', ['*']),
    tlsSecret('gateway-conformance-infra', 'tls-validity-checks-certificate', ['*', '*.org', '*.wildcard.org']),
  ]);
}
