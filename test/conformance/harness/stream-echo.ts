/**
 * Stand-ins for the suite's non-HTTP echo pods, in the test process:
 * - the echo-basic TCP server (TCP_ECHO_SERVER): on connect it writes its welcome line, then answers
 *   `PING` with `PONG`, `IS_TLS` with true/false, and `TEST` with one JSON line — the pod context
 *   (`namespace`, `pod`, `service`), `isTLS`, and for TLS connections `tls.serverName` (the SNI it
 *   received) — on a plain port and, when it has a certificate, a TLS port;
 * - the echo-basic UDP server (UDP_ECHO_SERVER): every datagram is answered with JSON naming the pod
 *   (`request`, `namespace`, `service`, `pod`);
 * - coredns: a DNS query is answered (the suite only needs an answer; here an empty NOERROR reply).
 */
import dgram from 'node:dgram';
import net from 'node:net';
import tls from 'node:tls';
import type { TestCert } from '../../helpers/certs.ts';

export const TCP_WELCOME = 'Gateway API Test TCP Server\n';

export interface Identity { readonly pod: string; readonly namespace: string; readonly service?: string }

export interface StreamBackend {
  /** Port by the Deployment's container port it stands for (e.g. 3000 plain, 8443 TLS; 8080 UDP). */
  readonly ports: ReadonlyMap<number, number>;
  close(): Promise<void>;
}

function serveLines(socket: net.Socket, identity: Identity, secure: tls.TLSSocket | null): void {
  const payload = JSON.stringify({
    namespace: identity.namespace, pod: identity.pod, service: identity.service ?? '', isTLS: secure !== null,
    ...(secure && { tls: { serverName: (secure as tls.TLSSocket & { servername?: string | false }).servername || '', version: secure.getProtocol() } }),
  });
  socket.write(TCP_WELCOME);
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      const line = buffered.slice(0, nl).replace(/\r$/, '');
      buffered = buffered.slice(nl + 1);
      if (line === 'TEST') socket.write(`${payload}\n`);
      else if (line === 'IS_TLS') socket.write(`${secure !== null}\n`);
      else if (line === 'PING') socket.write('PONG\n');
    }
  });
  socket.on('error', () => socket.destroy());
}

const listen = (server: net.Server) => new Promise<number>((resolve, reject) => {
  server.once('error', reject);
  server.listen({ host: '127.0.0.1', port: 0 }, () => resolve((server.address() as net.AddressInfo).port));
});

/** The TCP echo on container ports 3000 (plain) and, with a certificate, 8443 (TLS). */
export async function startTcpEcho(identity: Identity, certificate?: TestCert): Promise<StreamBackend> {
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => { sockets.add(s); s.once('close', () => sockets.delete(s)); };
  const plain = net.createServer((s) => { track(s); serveLines(s, identity, null); });
  const servers: net.Server[] = [plain];
  const ports = new Map([[3000, await listen(plain)]]);
  if (certificate) {
    const secure = tls.createServer({ cert: certificate.certPem, key: certificate.keyPem, minVersion: 'TLSv1.2' }, (s) => { track(s); serveLines(s, identity, s); });
    secure.on('tlsClientError', () => {});
    servers.push(secure);
    ports.set(8443, await listen(secure));
  }
  return {
    ports,
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}

/** The UDP echo (container port 8080), or with `dns` a minimal DNS responder (port 53). */
export async function startUdpEcho(identity: Identity, dns = false): Promise<StreamBackend> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, from) => {
    socket.send(dns ? dnsReply(msg) : Buffer.from(JSON.stringify({ request: msg.toString(), namespace: identity.namespace, service: identity.service ?? '', pod: identity.pod })), from.port, from.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  return { ports: new Map([[dns ? 53 : 8080, socket.address().port]]), close: () => new Promise((r) => socket.close(() => r())) };
}

/** The query with QR set, NOERROR and no answers: a valid response the suite's DNS client accepts. */
function dnsReply(query: Buffer): Buffer {
  const reply = Buffer.from(query);
  if (reply.length < 12) return reply;
  reply.writeUInt16BE(0x8180 | (query.readUInt16BE(2) & 0x0100), 2);
  reply.writeUInt16BE(0, 6);
  reply.writeUInt16BE(0, 8);
  reply.writeUInt16BE(0, 10);
  // Only the header and the question are kept (an EDNS OPT record would be answered by count 0).
  return reply.subarray(0, questionEnd(reply));
}

function questionEnd(msg: Buffer): number {
  let i = 12;
  for (let q = msg.readUInt16BE(4); q > 0 && i < msg.length; q--) {
    while (i < msg.length && msg[i] !== 0) i += msg[i]! + 1;
    i += 5;
  }
  return Math.min(i, msg.length);
}
