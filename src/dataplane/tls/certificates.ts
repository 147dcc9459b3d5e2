/**
 * A listener's certificates as the data plane serves them. Each IrCertificate is validated with
 * node:crypto when an apply compiles (the translator checks PEM framing only): a chain that does not
 * parse, a key that does not load or does not match the certificate becomes a listener problem and
 * is left out, without affecting other certificates or listeners.
 *
 * Selection per connection: certificates whose DNS SANs name the SNI exactly, else those whose
 * wildcard SAN covers it, else all of them (the first is the fallback). Among those, the first of
 * each key type (RSA, ECDSA, ...) goes into one secure context, and OpenSSL picks the one the
 * client's signature algorithms allow.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import type { IrCertificate, IrClientValidation } from '../../ir/index.ts';
import type { ListenerProblem } from '../tcp/stream-listener.ts';

/** TLS 1.2 is the floor; Node's default cipher list (forward-secret AEAD suites first) is kept. */
export const MIN_TLS_VERSION = 'TLSv1.2';

export interface LoadedCertificate {
  readonly id: string;
  /** Lower-case DNS names the certificate is valid for (SANs, else the subject CN). */
  readonly names: readonly string[];
  /** `rsa`, `ec`, `ed25519`... OpenSSL holds at most one certificate per type in a context. */
  readonly keyType: string;
  readonly certChainPem: string;
  readonly privateKeyPem: string;
  readonly notAfter: Date;
}

export function loadCertificates(listenerId: string, certificates: readonly IrCertificate[]): { loaded: LoadedCertificate[]; problems: ListenerProblem[] } {
  const loaded: LoadedCertificate[] = [];
  const problems: ListenerProblem[] = [];
  for (const c of certificates) {
    try {
      loaded.push(loadOne(c));
    } catch (err) {
      problems.push({ listenerId, message: `certificate ${c.id}: ${(err as Error).message}` });
    }
  }
  return { loaded, problems };
}

function loadOne(c: IrCertificate): LoadedCertificate {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(c.certChainPem);
  } catch (err) {
    throw new Error(`the certificate does not parse (${(err as Error).message})`, { cause: err });
  }
  let key;
  try {
    key = createPrivateKey(c.privateKeyPem);
  } catch (err) {
    throw new Error(`the private key does not parse (${(err as Error).message})`, { cause: err });
  }
  if (!cert.checkPrivateKey(key)) throw new Error('the private key does not match the certificate');
  // Anything else OpenSSL refuses (e.g. a broken intermediate in the chain) shows up here.
  tls.createSecureContext({ cert: c.certChainPem, key: c.privateKeyPem, minVersion: MIN_TLS_VERSION });
  return {
    id: c.id, names: dnsNames(cert), keyType: key.asymmetricKeyType ?? 'unknown',
    certChainPem: c.certChainPem, privateKeyPem: c.privateKeyPem, notAfter: new Date(cert.validTo),
  };
}

function dnsNames(cert: X509Certificate): string[] {
  const sans = (cert.subjectAltName ?? '').split(', ').filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4).toLowerCase());
  if (sans.length > 0) return sans;
  // RFC 6125 allows the CN only when there are no DNS SANs.
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1];
  return cn === undefined ? [] : [cn.toLowerCase()];
}

/** A certificate wildcard covers exactly one left-most label (RFC 6125 §6.4.3). */
function coveredByWildcard(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return false;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot) === pattern.slice(1);
}

/** Chooses among one listener's certificates per SNI; rebuilt on every apply. */
export class CertificateSelector {
  readonly #certificates: readonly LoadedCertificate[];
  readonly #ca: readonly string[] | undefined;

  constructor(certificates: readonly LoadedCertificate[], clientValidation: IrClientValidation | null) {
    this.#certificates = certificates;
    this.#ca = clientValidation === null ? undefined : clientValidation.caCertificatesPem;
  }

  get empty(): boolean {
    return this.#certificates.length === 0;
  }

  /** The certificates offered for `serverName` (null: no SNI), at most one per key type. */
  select(serverName: string | null): LoadedCertificate[] {
    const all = this.#certificates;
    let candidates: readonly LoadedCertificate[] = all;
    if (serverName !== null) {
      const exact = all.filter((c) => c.names.includes(serverName));
      const wildcard = exact.length > 0 ? exact : all.filter((c) => c.names.some((n) => coveredByWildcard(n, serverName)));
      if (wildcard.length > 0) candidates = wildcard;
    }
    const byType = new Map<string, LoadedCertificate>();
    for (const c of candidates) if (!byType.has(c.keyType)) byType.set(c.keyType, c);
    return [...byType.values()];
  }

  /** Context options for `serverName`: also what a tls.Server is created with for clients without SNI. */
  contextOptions(serverName: string | null): tls.SecureContextOptions {
    const chosen = this.select(serverName);
    return {
      cert: chosen.map((c) => c.certChainPem),
      key: chosen.map((c) => c.privateKeyPem),
      minVersion: MIN_TLS_VERSION,
      ...(this.#ca === undefined ? {} : { ca: [...this.#ca] }),
    };
  }

  /** Equal for two server names exactly when they get the same certificates. */
  selectionKey(serverName: string | null): string {
    return this.select(serverName).map((c) => c.id).join('\n');
  }
}
