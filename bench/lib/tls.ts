/**
 * One self-signed ECDSA P-256 certificate for the TLS scenarios (openssl), written as PEM files for
 * nginx and as a kubernetes.io/tls Secret for Switchyard, so both proxies serve the same key.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchCert {
  readonly certFile: string;
  readonly keyFile: string;
  readonly certPem: string;
  readonly keyPem: string;
}

export function makeCert(dir: string): BenchCert {
  const certFile = join(dir, 'bench.crt');
  const keyFile = join(dir, 'bench.key');
  const out = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=bench.example', '-addext', 'subjectAltName=DNS:bench.example,DNS:localhost,IP:127.0.0.1',
    '-keyout', keyFile, '-out', certFile,
  ], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`openssl failed: ${out.stderr}`);
  return { certFile, keyFile, certPem: readFileSync(certFile, 'utf8'), keyPem: readFileSync(keyFile, 'utf8') };
}
