/**
 * The proxy's side of the config stream (protocol: src/controller/stream/protocol.ts): connects to
 * the controller over TLS-PSK, says what it serves, applies every snapshot it receives (latest wins,
 * one apply at a time) and acknowledges it. When the controller is away the proxy keeps serving
 * its last configuration and reconnects with backoff.
 */
import tls from 'node:tls';
import type { Ir } from '../ir/index.ts';
import type { Logger } from '../observability/index.ts';
import { Backoff, sleep } from '../providers/kubernetes/backoff.ts';
import { encode, lineReader, PING_INTERVAL_MS, STREAM_CIPHERS, STREAM_TLS_VERSION, type ControllerMessage, type ProxyMessage } from '../controller/stream/protocol.ts';

export interface ApplyOutcome {
  readonly ready: boolean;
  readonly unavailable: Readonly<Record<string, string>>;
}

export interface StreamClientOptions {
  readonly host: string;
  readonly port: number;
  /** `namespace/gateway`: the PSK identity. */
  readonly gateway: string;
  readonly key: Buffer;
  readonly proxy: string;
  readonly logger: Logger;
  readonly apply: (ir: Ir) => Promise<ApplyOutcome>;
  readonly backoff?: Backoff;
  readonly pingIntervalMs?: number;
}

export class StreamClient {
  readonly #o: StreamClientOptions;
  #version: string | null = null;
  #outcome: ApplyOutcome = { ready: false, unavailable: {} };
  #pending: { version: string; ir: Ir } | null = null;
  #applying: Promise<void> | null = null;
  #socket: tls.TLSSocket | null = null;
  /** Connections made, for tests and logs. */
  connections = 0;

  constructor(options: StreamClientOptions) {
    this.#o = options;
  }

  /** The version of the configuration being served, or null before the first one. */
  get version(): string | null {
    return this.#version;
  }

  get connected(): boolean {
    return this.#socket !== null && !this.#socket.destroyed;
  }

  /** Connects and reconnects until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    const backoff = this.#o.backoff ?? new Backoff(250, 10_000);
    signal.addEventListener('abort', () => this.#socket?.destroy(), { once: true });
    while (!signal.aborted) {
      const connected = await this.#session();
      if (connected) backoff.reset();
      if (signal.aborted) break;
      const delay = backoff.next();
      this.#o.logger.info({ retryInMs: Math.round(delay) }, 'config stream: disconnected; serving the last configuration, reconnecting');
      await sleep(delay, signal);
    }
  }

  /** One connection; resolves when it closes, with whether the handshake succeeded. */
  #session(): Promise<boolean> {
    const { host, port, gateway, key } = this.#o;
    return new Promise((resolve) => {
      let secured = false;
      const socket = tls.connect({
        host, port, ciphers: STREAM_CIPHERS, minVersion: STREAM_TLS_VERSION, maxVersion: STREAM_TLS_VERSION,
        pskCallback: () => ({ identity: gateway, psk: key }),
        // There is no certificate: the PSK handshake itself authenticates the controller.
        checkServerIdentity: () => undefined,
      });
      this.#socket = socket;
      let lastHeard = Date.now();
      const interval = this.#o.pingIntervalMs ?? PING_INTERVAL_MS;
      const watchdog = setInterval(() => {
        if (Date.now() - lastHeard > 3 * interval) socket.destroy(new Error('controller silent'));
      }, interval);
      socket.once('secureConnect', () => {
        secured = true;
        this.connections++;
        socket.setNoDelay(true);
        this.#o.logger.info({ controller: `${host}:${port}`, gateway }, 'config stream: connected');
        this.#send({ type: 'hello', proxy: this.#o.proxy, version: this.#version, ready: this.#outcome.ready });
      });
      socket.on('data', lineReader<ControllerMessage>((m) => {
        lastHeard = Date.now();
        if (m.type === 'ping') this.#send({ type: 'ping' });
        else if (m.type === 'config') this.#enqueue(m.version, m.ir);
      }));
      socket.on('error', (error) => this.#o.logger.debug({ err: error.message }, 'config stream error'));
      socket.once('close', () => {
        clearInterval(watchdog);
        if (this.#socket === socket) this.#socket = null;
        resolve(secured);
      });
    });
  }

  #send(message: ProxyMessage): void {
    if (this.#socket && !this.#socket.destroyed) this.#socket.write(encode(message));
  }

  #enqueue(version: string, ir: Ir): void {
    this.#pending = { version, ir };
    this.#applying ??= this.#drain().finally(() => { this.#applying = null; });
  }

  async #drain(): Promise<void> {
    while (this.#pending) {
      const { version, ir } = this.#pending;
      this.#pending = null;
      try {
        this.#outcome = await this.#o.apply(ir);
        this.#version = version;
        this.#o.logger.info({ version, ready: this.#outcome.ready }, 'configuration applied');
        this.#send({ type: 'ack', version, ready: this.#outcome.ready, unavailable: this.#outcome.unavailable });
      } catch (error) {
        // The previous configuration keeps serving; not acknowledging keeps the Gateway Pending.
        this.#o.logger.error({ err: (error as Error).message, version }, 'configuration rejected by the data plane');
      }
    }
  }
}
