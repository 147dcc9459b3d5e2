/**
 * The echo backend standing in for the suite's echo pods (upstream `echo-basic`), in the test
 * process: it answers JSON with the fields the suite's assertions read — `namespace`, `pod`, `path`
 * (the request target, query included), `host`, `method`, `headers` (every value of a header, as
 * received, so the harness joins them with "," as the suite does) — and honours the two knobs the
 * suite's requests use: `X-Echo-Set-Header: Name:value,Name2:value2` sets response headers, and
 * `?delay=1s` (a Go duration: ms, s) delays the answer. `/retry/…` is the retry simulation
 * (retry-simulation.ts). Every request target is kept in `received`, the stand-in for the pod log
 * lines ("Echoing back request made to …") the suite reads to find mirrored requests.
 *
 * With `tls` it is echo-basic started with TLS_SERVER_CERT (and TLS_CLIENT_CACERTS): HTTPS only,
 * and the answer carries `tls.serverName` (the SNI the gateway sent) and `tls.peerCertificates`
 * (the client certificate it presented, PEM), which BackendTLSPolicy scenarios compare.
 *
 * Without `tls` it also serves HTTP/2 cleartext with prior knowledge (h2c) on a port of its own,
 * `h2cPort`, with the same handler: echo-basic's h2c port (the Service port with appProtocol
 * kubernetes.io/h2c, targetPort 3001). There `proto` is `HTTP/2.0` and `host` the :authority.
 */
import { X509Certificate } from 'node:crypto';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { acceptWebSocket } from '../../../src/cli/echo.ts';
import { goDurationMs, RetrySimulation } from './retry-simulation.ts';

export interface EchoBackend {
  readonly port: number;
  /** The HTTP/2 prior-knowledge port (plain-text echoes only). */
  readonly h2cPort?: number;
  /** Request targets (path and query) in the order they arrived. */
  readonly received: readonly string[];
  close(): Promise<void>;
}

/** Serving certificate, and the CA a client certificate must chain to (unset: none is asked for). */
export interface EchoTls {
  readonly certPem: string;
  readonly keyPem: string;
  readonly clientCaPem?: string;
}

export async function startEchoBackend(identity: { pod: string; namespace: string }, tls?: EchoTls): Promise<EchoBackend> {
  const sockets = new Set<Socket>();
  const received: string[] = [];
  const retries = new RetrySimulation();
  const after = (ms: number, fn: () => void) => setTimeout(fn, ms);
  const handler: http.RequestListener = (req, res) => {
    req.resume();
    req.on('end', () => {
      const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
      if (req.url?.startsWith('/retry/') && retries.handle(req, res, query, after)) return;
      received.push(req.url ?? '');
      setTimeout(() => {
        if (res.destroyed) return;
        for (const pair of (req.headers['x-echo-set-header'] as string | undefined ?? '').split(',')) {
          const colon = pair.indexOf(':');
          if (colon > 0) res.setHeader(pair.slice(0, colon).trim(), pair.slice(colon + 1).trim());
        }
        const body = JSON.stringify({
          ...identity, path: req.url, host: req.headers.host ?? req.headers[':authority'] ?? null, method: req.method, proto: `HTTP/${req.httpVersion}`,
          headers: headersOf(req),
          ...(tls !== undefined && { tls: tlsInfo(req.socket as TLSSocket) }),
        });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      }, goDurationMs(query.get('delay')));
    });
  };
  const server = tls === undefined ? http.createServer(handler) : https.createServer({
    cert: tls.certPem, key: tls.keyPem,
    ...(tls.clientCaPem !== undefined && { ca: tls.clientCaPem, requestCert: true, rejectUnauthorized: true }),
  }, handler);
  // WebSocket upgrades (echo-basic's /ws): every message is echoed back.
  server.on('upgrade', (req, socket, head) => acceptWebSocket(req, socket, head, identity.pod));
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await listen(server);
  // The compatibility API's request and response carry what the handler reads (url, method, headers, writeHead …).
  const h2c = tls === undefined ? http2.createServer(handler as unknown as (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => void) : undefined;
  const sessions = new Set<http2.ServerHttp2Session>();
  h2c?.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  if (h2c) await listen(h2c);
  const closing = (s: { close(cb: () => void): unknown }) => new Promise<void>((resolve) => { s.close(() => resolve()); });
  return {
    port: (server.address() as AddressInfo).port,
    ...(h2c && { h2cPort: (h2c.address() as AddressInfo).port }),
    received,
    close: async () => {
      const closed = [closing(server), ...(h2c ? [closing(h2c)] : [])];
      for (const s of sockets) s.destroy();
      for (const s of sessions) s.destroy();
      await Promise.all(closed);
    },
  };
}

function listen(server: { once(event: 'error', fn: (err: Error) => void): unknown; listen(options: { host: string; port: number }, cb: () => void): unknown }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
  });
}

/** Every value of each request header, host and HTTP/2 pseudo-headers left out. */
function headersOf(req: http.IncomingMessage): Record<string, string[]> {
  // HTTP/1.1 has headersDistinct; the HTTP/2 compatibility request does not.
  const distinct = (req.headersDistinct as typeof req.headersDistinct | undefined)
    ?? Object.fromEntries(Object.entries(req.headers).map(([name, v]) => [name, [v ?? []].flat()]));
  return Object.fromEntries(Object.entries(distinct).filter(([name]) => name !== 'host' && !name.startsWith(':'))) as Record<string, string[]>;
}

/** What echo-basic reports of the TLS connection: the SNI and the client's certificates (PEM). */
function tlsInfo(socket: TLSSocket): { serverName: string | null; peerCertificates: string[] } {
  const peer = socket.getPeerCertificate();
  const pem = peer?.raw ? new X509Certificate(peer.raw).toString() : null;
  return { serverName: (socket as TLSSocket & { servername?: string | false }).servername || null, peerCertificates: pem === null ? [] : [pem] };
}
