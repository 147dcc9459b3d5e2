/**
 * The controller's side of the config stream: a TLS-PSK server that sends each connected proxy the
 * latest snapshot of its Gateway's configuration and records what every proxy acknowledged.
 * Only the leader listens (docs/kubernetes.md: the stream Service reaches the leader only).
 */
import { createHash } from 'node:crypto';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { Ir } from '../../ir/index.ts';
import type { Logger } from '../../observability/index.ts';
import { encode, lineReader, PING_INTERVAL_MS, STREAM_CIPHERS, STREAM_TLS_VERSION, type ControllerMessage, type ProxyMessage } from './protocol.ts';

export interface ProxyState {
  readonly proxy: string;
  /** The version the proxy last reported serving, or null. */
  readonly version: string | null;
  readonly ready: boolean;
  readonly unavailable: Readonly<Record<string, string>>;
}

export interface StreamServerOptions {
  /** The stream key of a Gateway (`namespace/name`), or null when it has none: the handshake fails. */
  readonly keyFor: (gateway: string) => Buffer | null;
  readonly logger: Logger;
  /** Called when what proxies serve changes (connect, ack, disconnect). */
  readonly onProxyChange?: (gateway: string) => void;
  readonly pingIntervalMs?: number;
}

/** The PSK identity each socket's handshake verified, recorded by the pskCallback. */
const identities = new WeakMap<tls.TLSSocket, string>();

interface Connection { socket: tls.TLSSocket; gateway: string; state: ProxyState | null; lastHeard: number }

export function configVersion(ir: Ir): string {
  return createHash('sha256').update(JSON.stringify(ir)).digest('hex').slice(0, 16);
}

export class ConfigStreamServer {
  readonly #o: StreamServerOptions;
  readonly #configs = new Map<string, { version: string; line: string }>();
  readonly #connections = new Set<Connection>();
  #server: tls.Server | null = null;
  #pinger: NodeJS.Timeout | null = null;

  constructor(options: StreamServerOptions) {
    this.#o = options;
  }

  get listening(): boolean {
    return this.#server?.listening ?? false;
  }

  async listen(host: string, port: number): Promise<AddressInfo> {
    const server = tls.createServer({
      ciphers: STREAM_CIPHERS, minVersion: STREAM_TLS_VERSION, maxVersion: STREAM_TLS_VERSION,
      pskCallback: (socket, identity) => {
        const key = this.#o.keyFor(identity);
        if (key) identities.set(socket, identity);
        return key;
      },
    }, (socket) => this.#accept(socket));
    server.on('tlsClientError', (error) => this.#o.logger.warn({ err: error.message }, 'config stream: handshake failed (wrong or unknown key?)'));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
    this.#server = server;
    this.#pinger = setInterval(() => this.#ping(), this.#o.pingIntervalMs ?? PING_INTERVAL_MS);
    return server.address() as AddressInfo;
  }

  async close(): Promise<void> {
    if (this.#pinger) clearInterval(this.#pinger);
    for (const c of this.#connections) c.socket.destroy();
    this.#connections.clear();
    const server = this.#server;
    this.#server = null;
    if (server) await new Promise((r) => server.close(r));
  }

  /** Sets a Gateway's configuration; connected proxies get it at once when it changed. Returns its version. */
  publish(gateway: string, ir: Ir): string {
    const version = configVersion(ir);
    if (this.#configs.get(gateway)?.version === version) return version;
    const line = encode({ type: 'config', version, ir });
    this.#configs.set(gateway, { version, line });
    for (const c of this.#connections) if (c.gateway === gateway) c.socket.write(line);
    return version;
  }

  /** Forgets Gateways that are gone; their proxies are disconnected. */
  retain(gateways: ReadonlySet<string>): void {
    for (const gateway of this.#configs.keys()) if (!gateways.has(gateway)) this.#configs.delete(gateway);
    for (const c of this.#connections) if (!gateways.has(c.gateway)) c.socket.destroy();
  }

  versionOf(gateway: string): string | undefined {
    return this.#configs.get(gateway)?.version;
  }

  /** Proxies connected for a Gateway, with what they last reported. */
  proxies(gateway: string): ProxyState[] {
    return [...this.#connections].filter((c) => c.gateway === gateway && c.state).map((c) => c.state!);
  }

  /** True when at least one ready proxy serves the Gateway's current configuration. */
  served(gateway: string): boolean {
    const version = this.versionOf(gateway);
    return version !== undefined && this.proxies(gateway).some((p) => p.ready && p.version === version);
  }

  #accept(socket: tls.TLSSocket): void {
    // The PSK identity the handshake verified is the only trusted statement of which Gateway this is.
    const gateway = identities.get(socket);
    if (!gateway) return void socket.destroy();
    const connection: Connection = { socket, gateway, state: null, lastHeard: Date.now() };
    this.#connections.add(connection);
    const changed = () => this.#o.onProxyChange?.(gateway);
    socket.setNoDelay(true);
    socket.on('data', lineReader<ProxyMessage>((m) => {
      connection.lastHeard = Date.now();
      if (m.type === 'hello') {
        connection.state = { proxy: m.proxy, version: m.version, ready: m.ready, unavailable: {} };
        this.#o.logger.info({ gateway, proxy: m.proxy, version: m.version }, 'proxy connected');
        const config = this.#configs.get(gateway);
        if (config && config.version !== m.version) socket.write(config.line);
        changed();
      } else if (m.type === 'ack' && connection.state) {
        connection.state = { ...connection.state, version: m.version, ready: m.ready, unavailable: m.unavailable };
        changed();
      }
    }));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.#connections.delete(connection);
      if (connection.state) this.#o.logger.info({ gateway, proxy: connection.state.proxy }, 'proxy disconnected');
      changed();
    });
  }

  #ping(): void {
    const interval = this.#o.pingIntervalMs ?? PING_INTERVAL_MS;
    const line = encode({ type: 'ping' } satisfies ControllerMessage);
    for (const c of this.#connections) {
      if (Date.now() - c.lastHeard > 3 * interval) c.socket.destroy();
      else c.socket.write(line);
    }
  }
}
