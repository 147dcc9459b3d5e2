/**
 * Test support for the stream listeners (TCP, UDP, TLS): IR builders for L4 sockets and tiny
 * loopback backends that echo what they receive, each tagged with a name so tests can see which
 * backend answered. Not used by production code.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import type { Ir, IrCluster, IrListener, IrListenerTls, IrSocket, IrTlsRoute, IrWeightedBackend } from '../../ir/index.ts';

export function l4Listener(name: string, protocol: IrListener['protocol'], parts: Partial<IrListener> = {}): IrListener {
  return {
    id: `gateway/default/gw/listener/${name}`,
    gateway: { kind: 'Gateway', namespace: 'default', name: 'gw' },
    name, protocol, hostname: null, tls: null, virtualHosts: [], tlsRoutes: [], l4Routes: [],
    ...parts,
  };
}

export function l4Route(kind: 'TCPRoute' | 'UDPRoute', backends: readonly IrWeightedBackend[], name = 'r'): IrListener['l4Routes'][number] {
  return {
    id: `${kind.toLowerCase()}/default/${name}/rule/0`,
    source: { kind, namespace: 'default', name, ruleIndex: 0, ruleName: null, matchIndex: 0 },
    backends,
  };
}

export function tlsRoute(name: string, hostnames: readonly string[], backends: readonly IrWeightedBackend[]): IrTlsRoute {
  return {
    id: `tlsroute/default/${name}/rule/0`,
    source: { kind: 'TLSRoute', namespace: 'default', name, ruleIndex: 0, ruleName: null, matchIndex: 0 },
    hostnames, backends,
  };
}

export function tlsSettings(parts: Partial<IrListenerTls> = {}): IrListenerTls {
  return { mode: 'Terminate', certificates: [], clientValidation: null, options: {}, ...parts };
}

export const weighted = (clusterId: string | null, weight = 1): IrWeightedBackend => ({ weight, clusterId, filters: [] });

export function l4Cluster(id: string, protocol: IrCluster['protocol'], ports: readonly number[]): IrCluster {
  return { id, protocol, endpoints: ports.map((port) => ({ address: '127.0.0.1', port })), tls: null };
}

export function l4Ir(protocol: IrSocket['protocol'], listeners: readonly IrListener[], clusters: readonly IrCluster[], port = 0): Ir {
  return {
    sockets: [{ id: `${protocol}/127.0.0.1:${port}`, protocol, address: '127.0.0.1', port, listeners }],
    clusters: Object.fromEntries(clusters.map((c) => [c.id, c])),
  };
}

export interface Backend {
  readonly port: number;
  close(): Promise<void>;
}

/** A TCP echo server: answers `<name>:` then echoes every byte, and half-closes when the client does. */
export async function tcpEcho(name: string): Promise<Backend & { connections: number }> {
  const sockets = new Set<net.Socket>();
  const state = { connections: 0 };
  const server = net.createServer({ allowHalfOpen: true }, (s) => {
    state.connections++;
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
    s.on('error', () => {});
    s.write(`${name}:`);
    s.pipe(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(state, {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  });
}

/** A UDP echo server: answers every datagram with `<name>:<datagram>`. */
export async function udpEcho(name: string): Promise<Backend & { peers: Set<string> }> {
  const socket = dgram.createSocket('udp4');
  const peers = new Set<string>();
  socket.on('message', (msg, rinfo) => {
    peers.add(`${rinfo.address}:${rinfo.port}`);
    socket.send(Buffer.concat([Buffer.from(`${name}:`), msg]), rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  return { port: socket.address().port, peers, close: () => new Promise<void>((r) => socket.close(() => r())) };
}

/** Sends one datagram from `client` and resolves with the first reply (or rejects after `timeoutMs`). */
export function udpExchange(client: dgram.Socket, port: number, message: string, timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { client.off('message', onMessage); reject(new Error(`no UDP reply to ${message}`)); }, timeoutMs);
    const onMessage = (msg: Buffer) => { clearTimeout(timer); client.off('message', onMessage); resolve(msg.toString()); };
    client.on('message', onMessage);
    client.send(message, port, '127.0.0.1');
  });
}

/** Connects, writes `data`, half-closes, and resolves with everything read until the peer closes. */
export function tcpExchange(port: number, data: Buffer | string, timeoutMs = 5_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => { socket.destroy(); reject(new Error('TCP exchange timed out')); }, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (err) => { clearTimeout(timer); reject(err); });
    socket.on('close', () => { clearTimeout(timer); resolve(Buffer.concat(chunks)); });
    socket.on('end', () => socket.end());
    socket.end(data);
  });
}
