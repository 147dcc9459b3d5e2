/**
 * The suite setup's "tls-checks" PKI (conformance/utils/suite setup): one CA, published as the
 * ConfigMap `tls-checks-ca-certificate`, and the Secrets it signs — `tls-checks-certificate`
 * (abc.example.com, other.example.com), `tls-passthrough-checks-certificate` (abc.example.com; the
 * tcp-backend's TLS port serves it, in the infra and app-backend namespaces) and
 * `tls-terminate-checks-certificate` (tls.example.com, TLSRoute Terminate listeners). Clients trust
 * the CA and verify what they get, as the suite's TLS dialers do.
 */
import net from 'node:net';
import tls from 'node:tls';
import { createCa, type TestCert } from '../../helpers/certs.ts';
import type { Obj } from './manifests.ts';

const INFRA = 'gateway-conformance-infra';

export interface TlsChecks {
  readonly caPem: string;
  /** Server certificates by Secret name. */
  readonly certificates: ReadonlyMap<string, TestCert>;
  readonly objects: readonly Obj[];
}

let made: Promise<TlsChecks> | undefined;

/** Made once per process: backends and Secrets must share the same certificates. */
export function tlsChecks(): Promise<TlsChecks> {
  made ??= make();
  return made;
}

async function make(): Promise<TlsChecks> {
  const ca = await createCa({ commonName: 'tls-checks-ca-certificate', keyType: 'ecdsa' });
  const sign = (dnsNames: string[]) => ca.sign!({ dnsNames, keyType: 'ecdsa' });
  const certificates = new Map<string, TestCert>([
    // The suite's names include a SPIFFE id, a URI SAN (BackendTLSPolicySANValidation matches it).
    ['tls-checks-certificate', await ca.sign!({ dnsNames: ['abc.example.com', 'other.example.com'], uris: ['spiffe://abc.example.com/test-identity'], keyType: 'ecdsa' })],
    // What Gateways present to TLS backends (spec.tls.backend.clientCertificateRef).
    ['tls-checks-client-certificate', await ca.sign!({ commonName: 'tls-checks-client-certificate', client: true, keyType: 'ecdsa' })],
    ['tls-passthrough-checks-certificate', await sign(['abc.example.com'])],
    ['tls-terminate-checks-certificate', await sign(['tls.example.com'])],
  ]);
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const secret = (namespace: string, name: string): Obj => ({
    apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/tls', metadata: { name, namespace },
    data: { 'tls.crt': b64(certificates.get(name)!.certPem), 'tls.key': b64(certificates.get(name)!.keyPem) },
  });
  return {
    caPem: ca.certPem,
    certificates,
    objects: [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'tls-checks-ca-certificate', namespace: INFRA }, data: { 'ca.crt': ca.certPem } },
      secret(INFRA, 'tls-checks-certificate'),
      secret(INFRA, 'tls-passthrough-checks-certificate'),
      secret('gateway-conformance-app-backend', 'tls-passthrough-checks-certificate'),
      secret(INFRA, 'tls-terminate-checks-certificate'),
      secret(INFRA, 'tls-checks-client-certificate'),
      // A CA nothing is signed by: BackendTLSPolicies trusting it must refuse their backend.
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'mismatch-ca-certificate', namespace: INFRA }, data: { 'ca.crt': (await createCa({ commonName: 'mismatch-ca-certificate' })).certPem } },
    ],
  };
}

/**
 * TLS in front of a plain echo (the echo pods that serve HTTPS): every connection's TLS is
 * terminated with `certificate` and its bytes piped to `port`, so the echo answers as itself.
 */
export async function terminateTls(port: number, certificate: TestCert): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = tls.createServer({ cert: certificate.certPem, key: certificate.keyPem }, (client) => {
    const upstream = net.connect({ host: '127.0.0.1', port });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
      s.on('error', () => { client.destroy(); upstream.destroy(); });
    }
    client.pipe(upstream).pipe(client);
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}
