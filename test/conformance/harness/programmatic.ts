/**
 * The objects the suite creates in code rather than from manifests (its setup's "programmatic
 * resources"): the self-signed certificate Secrets HTTPS listeners reference, and the CA
 * ConfigMaps and client certificate Secrets of frontend client-certificate validation.
 */
import { createCa, selfSigned, type TestCert } from '../../helpers/certs.ts';
import type { Obj } from './manifests.ts';
import { tlsChecks } from './tls-checks.ts';

async function tlsSecret(namespace: string, name: string, dnsNames: readonly string[]): Promise<Obj> {
  const cert = await selfSigned({ dnsNames, keyType: 'ecdsa' });
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return {
    apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/tls',
    metadata: { name, namespace },
    data: { 'tls.crt': b64(cert.certPem), 'tls.key': b64(cert.keyPem) },
  };
}

/** Client certificates by Secret name, for exchanges that present one (Exchange.tls.clientCertificate). */
export const CLIENT_CERTIFICATES = new Map<string, TestCert>();

/** A CA in a ConfigMap (`ca.crt`) and a client certificate it signed in a Secret, as the suite's setup makes them. */
async function clientCa(namespace: string, configMap: string, secret: string): Promise<Obj[]> {
  const ca = await createCa({ commonName: configMap });
  const client = await ca.sign!({ commonName: secret, client: true });
  CLIENT_CERTIFICATES.set(secret, client);
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: configMap, namespace }, data: { 'ca.crt': ca.certPem } },
    { apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/tls', metadata: { name: secret, namespace }, data: { 'tls.crt': b64(client.certPem), 'tls.key': b64(client.keyPem) } },
  ];
}

export async function programmaticObjects(): Promise<Obj[]> {
  const infra = 'gateway-conformance-infra';
  return (await Promise.all([
    tlsSecret('gateway-conformance-web-backend', 'certificate', ['*']),
    tlsSecret(infra, 'tls-validity-checks-certificate', ['*', '*.org', '*.wildcard.org']),
    clientCa(infra, 'tls-validity-checks-ca-certificate', 'tls-validity-checks-client-certificate'),
    clientCa(infra, 'tls-validity-checks-per-port-ca-certificate', 'tls-validity-checks-per-port-client-certificate'),
    tlsChecks().then((t) => t.objects),
  ])).flat();
}
