/**
 * Which names a backend's certificate must carry (BackendTLSPolicy `validation`): the policy's
 * `hostname`, or — when `subjectAltNames` is given — any one of those instead, never the hostname
 * (the spec says the hostname then only selects the certificate). Hostname SANs compare as DNS
 * names, case-insensitively, a `*` standing for exactly one leftmost label on either side (a
 * wildcard certificate, or a wildcard name in the policy); URI SANs compare exactly (SPIFFE ids).
 * Runs after the chain was verified against the policy's CAs (node calls it from the handshake).
 */
import tls, { type PeerCertificate } from 'node:tls';
import type { IrSubjectAltName, IrUpstreamTls } from '../../ir/index.ts';

/** Node's checkServerIdentity contract: an Error rejects the certificate, undefined accepts it. */
export function checkBackendIdentity(settings: IrUpstreamTls, cert: PeerCertificate): Error | undefined {
  if (settings.subjectAltNames.length === 0) return tls.checkServerIdentity(settings.hostname, cert);
  const present = certificateSans(cert.subjectaltname ?? '');
  if (settings.subjectAltNames.some((want) => present.some((have) => sanMatches(want, have)))) return undefined;
  const wanted = settings.subjectAltNames.map((s) => `${s.type}:${s.value}`).join(', ');
  const err = new Error(`backend certificate carries none of the subjectAltNames [${wanted}] (it has: ${cert.subjectaltname ?? 'none'})`);
  return Object.assign(err, { code: 'ERR_TLS_CERT_ALTNAME_INVALID', reason: err.message, cert });
}

export interface CertificateSan {
  readonly type: 'DNS' | 'URI' | 'IP Address' | string;
  readonly value: string;
}

/** Parses node's `subjectaltname` ("DNS:a, URI:spiffe://x, ..."; values with `,` or `"` come JSON-quoted). */
export function certificateSans(text: string): CertificateSan[] {
  const out: CertificateSan[] = [];
  const entry = /\s*([^:,]+):("(?:[^"\\]|\\.)*"|[^,]*)(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while (entry.lastIndex < text.length && (m = entry.exec(text)) !== null) {
    const raw = m[2]!;
    out.push({ type: m[1]!, value: raw.startsWith('"') ? JSON.parse(raw) as string : raw });
    if (m[0].length === 0) break;
  }
  return out;
}

export function sanMatches(want: IrSubjectAltName, have: CertificateSan): boolean {
  if (want.type === 'URI') return have.type === 'URI' && have.value === want.value;
  return have.type === 'DNS' && dnsNamesMatch(want.value, have.value);
}

/** Two DNS names, either of which may be a wildcard (`*.` + at least two labels) covering one label. */
export function dnsNamesMatch(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\.$/, '');
  const y = b.toLowerCase().replace(/\.$/, '');
  if (x === y) return true;
  return wildcardCovers(x, y) || wildcardCovers(y, x);
}

function wildcardCovers(pattern: string, name: string): boolean {
  if (!pattern.startsWith('*.') || name.startsWith('*.')) return false;
  const suffix = pattern.slice(1); // ".example.com"
  if (suffix.split('.').length < 3) return false; // "*.com" covers nothing
  const dot = name.indexOf('.');
  return dot > 0 && name.slice(dot) === suffix;
}
