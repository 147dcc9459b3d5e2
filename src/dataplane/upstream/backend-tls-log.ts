/**
 * A clear log line when a backend's TLS handshake fails (certificate not signed by the policy's CA,
 * name not matching, client certificate refused, no common protocol): the client only sees a 502,
 * and the connect-error metric counts the code, so the operator needs the reason spelled out. Once
 * per cluster, endpoint and code every 10 s, so a misconfigured backend cannot flood the log.
 */
import { NOOP_OBSERVER, type DataPlaneObserver } from '../observer.ts';
import type { DataPlaneLogger } from '../options.ts';

const QUIET_MS = 10_000;

/** What an OpenSSL / node TLS error code means for a backend connection. */
const REASONS: Readonly<Record<string, string>> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the backend certificate is not signed by a trusted CA (BackendTLSPolicy caCertificateRefs)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the backend certificate is not signed by a trusted CA (BackendTLSPolicy caCertificateRefs)',
  UNABLE_TO_GET_ISSUER_CERT: 'the backend certificate chain is incomplete',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the backend certificate is self-signed and not among the trusted CAs',
  SELF_SIGNED_CERT_IN_CHAIN: 'the backend certificate chain ends in an untrusted self-signed CA',
  CERT_HAS_EXPIRED: 'the backend certificate has expired',
  CERT_NOT_YET_VALID: 'the backend certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the backend certificate does not carry the BackendTLSPolicy hostname or subjectAltNames',
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'the backend requires a client certificate (Gateway tls.backend.clientCertificateRef)',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'the backend refused the client certificate',
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'the backend does not trust the client certificate',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the backend does not speak TLS on this port',
};

export function isTlsFailure(code: string): boolean {
  return code in REASONS || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || /CERT|SIGNATURE|ISSUER/.test(code);
}

export function backendTlsReason(code: string): string {
  return REASONS[code] ?? 'the TLS handshake with the backend failed';
}

export function backendTlsLogObserver(logger: DataPlaneLogger): DataPlaneObserver {
  const lastLogged = new Map<string, number>();
  return {
    ...NOOP_OBSERVER,
    upstreamConnectError(clusterId, endpoint, code) {
      if (!isTlsFailure(code)) return;
      const key = `${clusterId}|${endpoint}|${code}`;
      const now = performance.now();
      if (now - (lastLogged.get(key) ?? -Infinity) < QUIET_MS) return;
      if (lastLogged.size > 1000) lastLogged.clear();
      lastLogged.set(key, now);
      logger.warn({ cluster: clusterId, endpoint, code, reason: backendTlsReason(code) }, 'backend TLS handshake failed');
    },
  };
}
