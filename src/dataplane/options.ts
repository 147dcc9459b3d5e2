/** Options of a data plane, with their defaults. */
import type { Registry } from 'prom-client';
import type { LineSink } from './access-log.ts';
import type { DataPlaneObserver } from './observer.ts';
import type { OutlierOptions } from './upstream/outlier.ts';

/** The slice of a logger the data plane uses; a pino Logger fits. */
export interface DataPlaneLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Defaults of the edge limits; a socket's SwitchyardProxy `spec.limits` overrides them (limits.ts). */
export interface DataPlaneTimeouts {
  /** Whole client request, head and body, must arrive within this (408 after): slow POST. */
  readonly requestMs: number;
  /** A request in progress with no byte either way for this long is ended. */
  readonly streamIdleMs: number;
  /** Backend TCP connect. */
  readonly connectMs: number;
  /**
   * Routes that set no `timeouts.request`: the backend's response head must start within this (504
   * after). The body is then bounded by `streamIdleMs` only, so long downloads and streams pass.
   */
  readonly routeMs: number;
  /** Time for a client's request head to arrive (408 and close after; issue "Edge hardening": 10 s). */
  readonly headersMs: number;
  /** Idle time before a keep-alive client connection (or HTTP/2 session) is closed: downstream idle. */
  readonly clientKeepAliveMs: number;
  /** Idle time before a pooled backend connection is closed. */
  readonly upstreamIdleMs: number;
  /** Time a removed socket gets to finish its requests during an apply. */
  readonly drainMs: number;
}

export interface DataPlaneOptions {
  /** Worker processes serving traffic (default: available cores). 1 serves in this process. */
  readonly workers?: number;
  readonly logger?: DataPlaneLogger;
  /** Registers the data plane's metrics here when given. */
  readonly metrics?: Registry;
  /** Writes one JSON line per request here when given (access log; off by default). */
  readonly accessLog?: LineSink;
  /** Any further observer (tests, tracing). */
  readonly observer?: DataPlaneObserver;
  readonly timeouts?: Partial<DataPlaneTimeouts>;
  /** Upper bound of connections to one backend endpoint. */
  readonly maxConnectionsPerEndpoint?: number;
  /** Client connections per data plane (per worker) unless a socket's limits say otherwise (default 10,000). */
  readonly maxConnections?: number;
  /** Outlier ejection (passive health checks); defaults in upstream/outlier.ts OUTLIER_DEFAULTS. */
  readonly outlier?: Partial<OutlierOptions>;
}

export const DEFAULT_TIMEOUTS: DataPlaneTimeouts = {
  requestMs: 300_000,
  streamIdleMs: 300_000,
  connectMs: 10_000,
  routeMs: 15_000,
  headersMs: 10_000,
  clientKeepAliveMs: 3_600_000,
  upstreamIdleMs: 4_000,
  drainMs: 10_000,
};

export const SILENT_LOGGER: DataPlaneLogger = { info() {}, warn() {}, error() {} };
