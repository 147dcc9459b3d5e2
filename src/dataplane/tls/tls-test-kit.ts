/**
 * Test support for TLS sockets: a client that resolves once the handshake is done (or with the
 * reason it failed), and a TLS echo backend that presents its own certificate. Not used by
 * production code.
 */
import type net from 'node:net';
import tls from 'node:tls';
import type { IrCertificate } from '../../ir/index.ts';

export interface TlsResult {
  readonly socket: tls.TLSSocket;
  /** Subject CN of the certificate the server presented. */
  readonly peerName: string;
  readonly peerKeyType: string;
  readonly alpn: string | false;
}

/** Connects with `options` (servername, ALPN, sigalgs, client certificate...); never verifies the server. */
export function tlsConnect(port: number, options: tls.ConnectionOptions = {}, timeoutMs = 3_000): Promise<TlsResult> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: false, ...options });
    const timer = setTimeout(() => { socket.destroy(); reject(new Error('TLS handshake timed out')); }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const peer = socket.getPeerX509Certificate();
      resolve({
        socket,
        peerName: /CN=([^\n]+)/.exec(peer?.subject ?? '')?.[1] ?? '',
        peerKeyType: peer?.publicKey.asymmetricKeyType ?? '',
        alpn: socket.alpnProtocol ?? false,
      });
    });
    socket.once('error', (err) => { clearTimeout(timer); reject(err); });
    socket.once('close', () => { clearTimeout(timer); reject(new Error('closed before the handshake completed')); });
  });
}

/** Writes `data`, half-closes, and resolves with all the server sent until it closed (or rejects on reset). */
export function exchangeOn(socket: net.Socket, data: string, timeoutMs = 3_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { socket.destroy(); reject(new Error('exchange timed out')); }, timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => { out += d; });
    socket.once('error', (err) => { clearTimeout(timer); reject(err); });
    socket.once('close', () => { clearTimeout(timer); resolve(out); });
    socket.end(data);
  });
}

/** A TLS server presenting `cert` that answers `<name>:` and echoes; its own certificate reaches passthrough clients. */
export async function tlsEcho(name: string, cert: { certPem: string; keyPem: string }): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = tls.createServer({ cert: cert.certPem, key: cert.keyPem, allowHalfOpen: true }, (s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
    s.on('error', () => {});
    s.write(`${name}:`);
    s.pipe(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}

export function irCert(id: string, cert: { certPem: string; keyPem: string }): IrCertificate {
  return { id, certChainPem: cert.certPem, privateKeyPem: cert.keyPem };
}
