/**
 * A TLS socket (IrSocket protocol TLS): one net.Server per address:port that reads each
 * connection's ClientHello itself, picks the listener by SNI, and then either splices the raw bytes
 * (the buffered ClientHello replayed first) to a TLSRoute backend (Passthrough), or replays them into
 * that listener's tls.Server (Terminate) and hands the decrypted stream to the HTTP engine (HTTPS)
 * or to a TLSRoute backend (TLS). Applies swap the compiled plan; the socket stays bound.
 */
import net, { type AddressInfo, type Socket } from 'node:net';
import type tls from 'node:tls';
import type { Ir, IrSocket } from '../../ir/index.ts';
import { HostTable } from '../routing/host-table.ts';
import type { L4Backends } from '../tcp/l4-backends.ts';
import { splice } from '../tcp/splice.ts';
import { drainSockets, STREAM_DEFAULTS, type ListenerProblem, type StreamListener, type StreamListenerOptions } from '../tcp/stream-listener.ts';
import { listenOn } from '../tcp/tcp-listener.ts';
import { MAX_CLIENT_HELLO_BYTES, parseClientHello, type ClientHello } from './client-hello.ts';
import { compileTlsPlan, type ListenerPlan, type TerminatePlan, type TlsPlan } from './tls-plan.ts';

/** Serves a decrypted HTTPS connection; `listenerId` is the listener SNI chose (for 421 detection). */
export type HttpsHandoff = (socket: tls.TLSSocket, listenerId: string) => void;

// Fatal alerts sent before closing a connection we cannot serve (RFC 8446 §6.2).
const ALERT_UNRECOGNIZED_NAME = Buffer.from([21, 3, 3, 0, 2, 2, 112]);
const ALERT_HANDSHAKE_FAILURE = Buffer.from([21, 3, 3, 0, 2, 2, 40]);

export class TlsListener implements StreamListener {
  readonly #socketId: string;
  readonly #server: net.Server;
  readonly #connections = new Set<Socket>();
  /** Connections holding a place in the data plane's connection budget. */
  readonly #admitted = new WeakSet<Socket>();
  readonly #options: StreamListenerOptions;
  readonly #https: HttpsHandoff | null;
  #plan: TlsPlan = { listeners: new HostTable<ListenerPlan>([]), problems: [] };
  #closed: Promise<void> | null = null;

  /** Serves nothing until the first `update`. `https` serves decrypted HTTPS connections (null: refused). */
  constructor(socketId: string, options: StreamListenerOptions = {}, https: HttpsHandoff | null = null) {
    this.#socketId = socketId;
    this.#options = options;
    this.#https = https;
    this.#server = net.createServer({ allowHalfOpen: true, noDelay: true }, (c) => this.#onConnection(c));
  }

  listen(address: string, port: number): Promise<AddressInfo> {
    return listenOn(this.#server, address, port);
  }

  address(): AddressInfo | null {
    return this.#server.address() as AddressInfo | null;
  }

  update(socket: IrSocket, ir: Ir): readonly ListenerProblem[] {
    this.#plan = this.#compile(socket, ir);
    return this.#plan.problems;
  }

  close(deadlineMs: number): Promise<void> {
    this.#closed ??= (async () => {
      if (this.#server.listening) this.#server.close();
      await drainSockets(this.#connections, deadlineMs);
    })();
    return this.#closed;
  }

  #compile(socket: IrSocket, ir: Ir): TlsPlan {
    const plan = compileTlsPlan(socket, ir, (s, l, n) => this.#onSecure(s, l, n), this.#timeout());
    for (const p of plan.problems) this.#options.logger?.warn({ socket: socket.id, listener: p.listenerId, problem: p.message }, 'TLS listener problem');
    return plan;
  }

  #timeout(): number {
    return this.#options.clientHelloTimeoutMs ?? STREAM_DEFAULTS.clientHelloTimeoutMs;
  }

  #onConnection(raw: Socket): void {
    const { admit, release } = this.#options;
    if (admit !== undefined && !admit(this.#socketId)) return void raw.destroy();
    this.#admitted.add(raw);
    this.#connections.add(raw);
    this.#options.onConnectionOpened?.(this.#socketId);
    raw.once('close', () => {
      if (this.#admitted.delete(raw)) release?.();
      this.#connections.delete(raw);
      this.#options.onConnectionClosed?.(this.#socketId);
    });
    raw.on('error', () => raw.destroy());
    const timer = setTimeout(() => raw.destroy(), this.#timeout());
    let buffered: Buffer = Buffer.alloc(0);
    const onEnd = () => raw.destroy();
    const onData = (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      const result = parseClientHello(buffered);
      if (result.status === 'incomplete' && buffered.length <= MAX_CLIENT_HELLO_BYTES) return;
      clearTimeout(timer);
      raw.off('data', onData);
      raw.off('end', onEnd);
      raw.pause();
      if (result.status !== 'ok') return void raw.destroy();
      // The plan is read once, here: a connection is served by the config it arrived under.
      this.#dispatch(this.#plan, raw, buffered, result.hello);
    };
    raw.on('data', onData);
    raw.once('end', onEnd);
  }

  #dispatch(plan: TlsPlan, raw: Socket, hello: Buffer, { serverName }: ClientHello): void {
    const listener = plan.listeners.lookup(serverName ?? '');
    if (listener === undefined) return void raw.end(ALERT_UNRECOGNIZED_NAME);
    if (listener.kind === 'passthrough') return this.#forward(raw, listener, serverName, hello);
    const server = listener.serverFor(serverName);
    if (server === null) return void raw.end(ALERT_HANDSHAKE_FAILURE);
    // HTTPS connections are counted by the HTTP engine they are handed to, not twice.
    if (listener.routes === null && this.#admitted.delete(raw)) this.#options.release?.();
    raw.unshift(hello);
    // The tls.Server wraps the socket and first replays what is buffered on it (the ClientHello).
    server.emit('connection', raw);
  }

  #onSecure(socket: tls.TLSSocket, listener: TerminatePlan, serverName: string | null): void {
    if (listener.routes === null) {
      if (this.#https === null) return void socket.destroy();
      return this.#https(socket, listener.id);
    }
    this.#forward(socket, listener, serverName, null);
  }

  #forward(client: net.Socket, listener: ListenerPlan, serverName: string | null, head: Buffer | null): void {
    const route = listener.routes?.lookup(serverName ?? '');
    const target = pick(route?.backends);
    if (typeof target === 'string') {
      this.#options.logger?.warn({ socket: this.#socketId, listener: listener.id, route: route?.id ?? null, sni: serverName, reason: target }, 'TLS connection refused');
      return void client.destroy();
    }
    void splice(client, target, head, {
      connectTimeoutMs: this.#options.connectTimeoutMs ?? STREAM_DEFAULTS.connectTimeoutMs,
      // Terminated here (no ClientHello to replay): a backend with a BackendTLSPolicy gets TLS again.
      originateTls: head === null,
      onConnectError: (e, code) => this.#options.onConnectError?.(e.clusterId, `${e.address}:${e.port}`, code),
    });
  }
}

function pick(backends: L4Backends | undefined) {
  return backends === undefined ? 'no-route' as const : backends.pick();
}
