/**
 * Test certificates, generated in-process with @peculiar/x509 over WebCrypto (a devDependency): no
 * openssl binary needed, RSA and ECDSA alike, and a few milliseconds per ECDSA certificate. Every
 * certificate here is for tests only.
 */
// @peculiar/x509 resolves its algorithms through tsyringe, which needs a Reflect metadata polyfill loaded first.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type CryptoKeyPair = webcrypto.CryptoKeyPair;

export type KeyType = 'rsa' | 'ecdsa';

export interface TestCert {
  readonly certPem: string;
  readonly keyPem: string;
  /** Only for CAs: signs leaf certificates. */
  readonly sign?: (options: CertOptions) => Promise<TestCert>;
}

export interface CertOptions {
  /** DNS subject alternative names; the first is also the common name. */
  readonly dnsNames?: readonly string[];
  /** URI subject alternative names (SPIFFE ids and the like). */
  readonly uris?: readonly string[];
  readonly commonName?: string;
  readonly keyType?: KeyType;
  /** For client certificates (extended key usage clientAuth instead of serverAuth). */
  readonly client?: boolean;
  /** Validity window; defaults to one day either side of now. */
  readonly notBefore?: Date;
  readonly notAfter?: Date;
}

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 86_400_000;

function algorithm(type: KeyType) {
  return type === 'rsa' ? RSA : ECDSA;
}

async function generateKeys(type: KeyType): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(algorithm(type), true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

async function keyPem(keys: CryptoKeyPair): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

/** A self-signed certificate for `dnsNames`, usable as a server (or, with `client`, a client) certificate. */
export async function selfSigned(options: CertOptions = {}): Promise<TestCert> {
  const ca = await createCa({ commonName: 'switchyard test self-signed', keyType: options.keyType });
  return ca.sign!(options);
}

/** A CA whose `sign` issues leaf certificates (server or client). */
export async function createCa(options: { commonName?: string; keyType?: KeyType | undefined } = {}): Promise<TestCert> {
  const type = options.keyType ?? 'ecdsa';
  const keys = await generateKeys(type);
  const name = `CN=${options.commonName ?? 'switchyard test CA'}`;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name, keys, signingAlgorithm: algorithm(type),
    notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + DAY),
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return {
    certPem: cert.toString('pem'),
    keyPem: await keyPem(keys),
    sign: async (leaf) => {
      const leafType = leaf.keyType ?? 'ecdsa';
      const leafKeys = await generateKeys(leafType);
      const dns = leaf.dnsNames ?? [];
      const sans = [...dns.map((d) => ({ type: 'dns' as const, value: d })), ...(leaf.uris ?? []).map((u) => ({ type: 'url' as const, value: u }))];
      const issued = await x509.X509CertificateGenerator.create({
        subject: `CN=${leaf.commonName ?? dns[0] ?? 'switchyard test'}`,
        issuer: cert.subject,
        publicKey: leafKeys.publicKey,
        signingKey: keys.privateKey,
        signingAlgorithm: algorithm(type),
        notBefore: leaf.notBefore ?? new Date(Date.now() - DAY),
        notAfter: leaf.notAfter ?? new Date(Date.now() + DAY),
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.ExtendedKeyUsageExtension([leaf.client ? x509.ExtendedKeyUsage.clientAuth : x509.ExtendedKeyUsage.serverAuth]),
          ...(sans.length > 0 ? [new x509.SubjectAlternativeNameExtension(sans)] : []),
          await x509.AuthorityKeyIdentifierExtension.create(keys.publicKey),
        ],
      });
      return { certPem: issued.toString('pem'), keyPem: await keyPem(leafKeys) };
    },
  };
}
