/**
 * TLS origination to a cluster's endpoints (BackendTLSPolicy, Gateway backend client certificate):
 * one `BackendTls` per cluster TLS setting and ALPN, holding the secure context built once (CA
 * bundle or the system's CAs, client certificate, TLS 1.2 minimum) and a fingerprint of everything
 * that shapes a connection. Pools key on that fingerprint (pool-registry.ts), so connections made
 * under one setting are never reused under another: a changed CA, SAN list, hostname or client
 * certificate gets fresh pools and the old ones drain.
 */
import { createHash } from 'node:crypto';
import tls from 'node:tls';
import type { IrUpstreamTls } from '../../ir/index.ts';
import { checkBackendIdentity } from './backend-san.ts';

/** `http/1.1` for HTTP and WebSocket clusters, `h2` for H2C ones (gRPC over TLS), none for raw TCP. */
export type BackendAlpn = 'http/1.1' | 'h2' | null;

export class BackendTls {
  readonly settings: IrUpstreamTls;
  readonly alpn: BackendAlpn;
  /** Equal for settings that make identical connections; part of the pool key. */
  readonly fingerprint: string;
  #context: tls.SecureContext | null = null;

  constructor(settings: IrUpstreamTls, alpn: BackendAlpn) {
    this.settings = settings;
    this.alpn = alpn;
    this.fingerprint = tlsFingerprint(settings, alpn);
  }

  /** Options for tls.connect / http2.connect to one endpoint. */
  connectOptions(address: string, port: number): tls.ConnectionOptions {
    return {
      host: address,
      port,
      servername: this.settings.hostname,
      secureContext: this.#secureContext(),
      ...(this.alpn !== null && { ALPNProtocols: [this.alpn] }),
      rejectUnauthorized: true,
      checkServerIdentity: (_host, cert) => checkBackendIdentity(this.settings, cert),
    };
  }

  /** A TLS connection to one endpoint; bytes may be written before the handshake ends (they wait). */
  connect(address: string, port: number, extra: { allowHalfOpen?: boolean } = {}): tls.TLSSocket {
    const socket = tls.connect({ ...this.connectOptions(address, port), ...extra });
    socket.setNoDelay(true);
    return socket;
  }

  #secureContext(): tls.SecureContext {
    const s = this.settings;
    // No CA bundle means the system's well-known CAs (wellKnownCACertificates: System): node's default.
    this.#context ??= tls.createSecureContext({
      minVersion: 'TLSv1.2',
      ...(s.caCertificatesPem.length > 0 && { ca: [...s.caCertificatesPem] }),
      ...(s.clientCertificate !== null && { cert: s.clientCertificate.certChainPem, key: s.clientCertificate.privateKeyPem }),
    });
    return this.#context;
  }
}

/** Cluster protocol → the ALPN offered to its endpoints. */
export function alpnFor(protocol: string): BackendAlpn {
  if (protocol === 'TCP' || protocol === 'UDP') return null;
  return protocol === 'H2C' ? 'h2' : 'http/1.1';
}

export function tlsFingerprint(s: IrUpstreamTls, alpn: BackendAlpn): string {
  const h = createHash('sha256');
  for (const part of [
    alpn ?? '', s.hostname, String(s.useSystemCa), ...s.caCertificatesPem, '|sans',
    ...s.subjectAltNames.map((n) => `${n.type}:${n.value}`), '|client',
    s.clientCertificate?.certChainPem ?? '', s.clientCertificate?.privateKeyPem ?? '',
  ]) h.update(part).update('\0');
  return h.digest('base64url').slice(0, 22);
}
