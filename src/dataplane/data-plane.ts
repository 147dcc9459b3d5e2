/**
 * The in-process data plane: applies IRs atomically and serves them. Per apply, every router is
 * compiled first (a bad IR fails before anything changes), then each existing socket gets its new
 * router by one reference swap, new sockets are bound, and sockets no longer in the IR drain in the
 * background. Sockets whose id survives are never closed. Applies run one at a time, in call order.
 */
import type { AddressInfo } from 'node:net';
import type { Ir, IrSocket } from '../ir/index.ts';
import { createAccessLogObserver } from './access-log.ts';
import { HttpListener } from './http/http-listener.ts';
import { HttpsEngines } from './http/https-engines.ts';
import { ConnectionBudget, DEFAULT_MAX_CONNECTIONS, edgeLimits, type EdgeLimits } from './limits.ts';
import { createMetricsObserver } from './metrics.ts';
import { combineObservers, type DataPlaneObserver } from './observer.ts';
import { DEFAULT_TIMEOUTS, SILENT_LOGGER, type DataPlaneLogger, type DataPlaneOptions, type DataPlaneTimeouts } from './options.ts';
import type { Router } from './routing/router.ts';
import { compileRuntime, type RouteTarget } from './runtime.ts';
import { createStreamListener } from './tcp/create-stream-listener.ts';
import type { ListenerProblem, StreamListener, StreamListenerOptions } from './tcp/stream-listener.ts';
import { backendTlsLogObserver } from './upstream/backend-tls-log.ts';
import { PoolRegistry } from './upstream/index.ts';
import { OUTLIER_DEFAULTS, type OutlierOptions } from './upstream/outlier.ts';

/** What became of one IR socket in an apply. */
export interface SocketState {
  readonly id: string;
  /** `unsupported`: a protocol this data plane does not serve. */
  readonly state: 'listening' | 'failed' | 'unsupported';
  /** The bound address (actual port when the IR asked for port 0). */
  readonly address: AddressInfo | null;
  /** Why binding failed, e.g. `EADDRINUSE: address already in use 127.0.0.1:80`. */
  readonly error: { readonly code: string; readonly message: string } | null;
  /** Listener-level problems of a TLS/TCP/UDP socket, e.g. a certificate that does not load (logged too). */
  readonly problems?: readonly ListenerProblem[];
}

/**
 * The result of an apply. As a Map it holds the sockets that could not be bound (socket id →
 * reason), the shape the control loop feeds back to the translator (PortUnavailable); `sockets`
 * has every socket's state.
 */
export class ApplyResult extends Map<string, string> {
  readonly sockets: readonly SocketState[];

  constructor(sockets: readonly SocketState[]) {
    super(sockets.filter((s) => s.error !== null).map((s) => [s.id, s.error!.message]));
    this.sockets = sockets;
  }
}

/** The contract shared by the in-process data plane and the multi-worker one. */
export interface DataPlaneApi {
  apply(ir: Ir): Promise<ApplyResult>;
  close(deadlineMs?: number): Promise<void>;
  listening(): boolean;
}

export class DataPlane implements DataPlaneApi {
  readonly #listeners = new Map<string, HttpListener>();
  /** TLS, TCP and UDP sockets (src/dataplane/{tls,tcp,udp}). */
  readonly #streams = new Map<string, StreamListener>();
  readonly #streamOptions: StreamListenerOptions;
  /** maxConnections of each TLS/TCP socket, from its limits at the last apply. */
  readonly #streamMaxConnections = new Map<string, number>();
  /** The HTTP engines behind TLS sockets with HTTPS listeners. */
  readonly #https: HttpsEngines;
  readonly #draining = new Set<Promise<void>>();
  readonly #pools: PoolRegistry;
  readonly #observer: DataPlaneObserver;
  readonly #logger: DataPlaneLogger;
  readonly #timeouts: DataPlaneTimeouts;
  readonly #maxConnections: number;
  readonly #outlier: OutlierOptions;
  /** Client connections of this data plane (this worker), for the connection cap. */
  readonly #budget = new ConnectionBudget();
  #queue: Promise<unknown> = Promise.resolve();
  #applied = false;
  #closed = false;

  constructor(options: DataPlaneOptions = {}) {
    this.#timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.#maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
    this.#outlier = { ...OUTLIER_DEFAULTS, ...options.outlier };
    this.#logger = options.logger ?? SILENT_LOGGER;
    const observers: DataPlaneObserver[] = [];
    if (options.metrics) observers.push(createMetricsObserver(options.metrics));
    if (options.accessLog) observers.push(createAccessLogObserver(options.accessLog));
    if (options.observer) observers.push(options.observer);
    if (this.#logger !== SILENT_LOGGER) observers.push(backendTlsLogObserver(this.#logger));
    this.#observer = combineObservers(observers);
    const observer = this.#observer;
    const budget = this.#budget;
    this.#streamOptions = {
      logger: this.#logger,
      admit: (id) => budget.admit(this.#streamMaxConnections.get(id) ?? this.#maxConnections),
      release: () => budget.release(),
      onConnectionOpened: (id) => observer.connectionOpened(id),
      onConnectionClosed: (id) => observer.connectionClosed(id),
      onConnectError: (cluster, endpoint, code) => observer.upstreamConnectError(cluster, endpoint, code),
    };
    this.#https = new HttpsEngines(observer, this.#budget);
    this.#pools = new PoolRegistry({
      idleTimeoutMs: this.#timeouts.upstreamIdleMs,
      maxSockets: options.maxConnectionsPerEndpoint ?? Infinity,
    });
  }

  apply(ir: Ir): Promise<ApplyResult> {
    const next = this.#queue.then(() => this.#apply(ir));
    this.#queue = next.catch(() => {});
    return next;
  }

  /** True once an IR has been applied, until close. */
  listening(): boolean {
    return this.#applied && !this.#closed;
  }

  /** Bound addresses by IR socket id. */
  addresses(): ReadonlyMap<string, AddressInfo> {
    const out = new Map<string, AddressInfo>();
    for (const [id, l] of [...this.#listeners, ...this.#streams]) {
      const a = l.address();
      if (a !== null) out.set(id, a);
    }
    return out;
  }

  /** Client connections open now, and refused so far for the connection cap (this process only). */
  connectionStats(): { readonly open: number; readonly refused: number } {
    return { open: this.#budget.open, refused: this.#budget.refused };
  }

  #limits(socket: IrSocket): EdgeLimits {
    return edgeLimits(this.#timeouts, this.#maxConnections, this.#outlier, socket.limits);
  }

  /** Graceful drain: stop accepting, let requests finish until the deadline, then destroy. */
  async close(deadlineMs = this.#timeouts.drainMs): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue;
    const listeners = [...this.#listeners.values(), ...this.#streams.values()];
    this.#listeners.clear();
    this.#streams.clear();
    await Promise.all([...listeners.map((l) => l.close(deadlineMs)), this.#https.closeAll(deadlineMs), ...this.#draining]);
    this.#pools.destroyAll();
  }

  async #apply(ir: Ir): Promise<ApplyResult> {
    if (this.#closed) throw new Error('data plane is closed');
    const generation = this.#pools.begin();
    const runtime = compileRuntime(ir, generation, { routeTimeoutMs: (socket) => this.#limits(socket).routeMs });
    const wanted = new Set<string>();
    const states = await Promise.all(ir.sockets.map(async (socket): Promise<SocketState> => {
      const router = runtime.routers.get(socket.id);
      if (socket.protocol !== 'HTTP') return this.#applyStream(socket, ir, wanted, router);
      if (router === undefined) return { id: socket.id, state: 'unsupported', address: null, error: null };
      wanted.add(socket.id);
      const existing = this.#listeners.get(socket.id);
      const limits = this.#limits(socket);
      if (existing !== undefined) {
        existing.swap(router, limits);
        return { id: socket.id, state: 'listening', address: existing.address(), error: null };
      }
      const listener = new HttpListener(socket.id, router, this.#observer, { limits, budget: this.#budget });
      try {
        const address = await listener.listen(socket.address, socket.port);
        this.#listeners.set(socket.id, listener);
        return { id: socket.id, state: 'listening', address, error: null };
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        this.#logger.warn({ socket: socket.id, code: e.code, err: e.message }, 'could not bind socket');
        return { id: socket.id, state: 'failed', address: null, error: { code: e.code ?? 'UNKNOWN', message: e.message } };
      }
    }));
    for (const [id, listener] of [...this.#listeners, ...this.#streams]) {
      if (wanted.has(id)) continue;
      this.#listeners.delete(id);
      this.#streams.delete(id);
      this.#streamMaxConnections.delete(id);
      const done = Promise.all([listener.close(this.#timeouts.drainMs), this.#https.close(id, this.#timeouts.drainMs)])
        .then(() => {}).finally(() => this.#draining.delete(done));
      this.#draining.add(done);
    }
    generation.commit();
    this.#applied = true;
    if (runtime.unsupportedFilters.size > 0) {
      this.#logger.warn({ routes: Object.fromEntries(runtime.unsupportedFilters) }, 'routes use filters this data plane does not implement yet; they serve without them');
    }
    this.#logger.info({ sockets: states.length, clusters: runtime.clusters.size }, 'configuration applied');
    return new ApplyResult(states);
  }

  /** TLS/TCP/UDP sockets: same lifecycle as HTTP ones (update in place, bind new, drain removed). */
  async #applyStream(socket: IrSocket, ir: Ir, wanted: Set<string>, router: Router<RouteTarget> | undefined): Promise<SocketState> {
    wanted.add(socket.id);
    this.#streamMaxConnections.set(socket.id, this.#limits(socket).maxConnections);
    if (socket.protocol === 'TLS') {
      const draining = this.#https.update(socket.id, router, this.#limits(socket), this.#timeouts.drainMs);
      if (draining !== null) {
        const done = draining.finally(() => this.#draining.delete(done));
        this.#draining.add(done);
      }
    }
    const existing = this.#streams.get(socket.id);
    if (existing !== undefined) {
      const problems = existing.update(socket, ir);
      return { id: socket.id, state: 'listening', address: existing.address(), error: null, problems };
    }
    const listener = createStreamListener(socket, this.#streamOptions, this.#https.handoff(socket.id));
    const problems = listener.update(socket, ir);
    try {
      const address = await listener.listen(socket.address, socket.port);
      this.#streams.set(socket.id, listener);
      return { id: socket.id, state: 'listening', address, error: null, problems };
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      this.#logger.warn({ socket: socket.id, code: e.code, err: e.message }, 'could not bind socket');
      void this.#https.close(socket.id, 0);
      return { id: socket.id, state: 'failed', address: null, error: { code: e.code ?? 'UNKNOWN', message: e.message }, problems };
    }
  }
}
