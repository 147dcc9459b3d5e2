/** Options of a data plane, with their defaults. */
import type { Registry } from 'prom-client';
import type { LineSink } from './access-log.ts';
import type { DataPlaneObserver } from './observer.ts';

/** The slice of a logger the data plane uses; a pino Logger fits. */
export interface DataPlaneLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface DataPlaneTimeouts {
  /** Whole exchange when a route sets no request timeout. Generous: long downloads must pass. */
  readonly requestMs: number;
  /** Time for a client's request head to arrive (408 and close after; issue "Edge hardening": 10 s). */
  readonly headersMs: number;
  /** Idle time before a keep-alive client connection is closed. */
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
}

export const DEFAULT_TIMEOUTS: DataPlaneTimeouts = {
  requestMs: 300_000,
  headersMs: 10_000,
  clientKeepAliveMs: 60_000,
  upstreamIdleMs: 4_000,
  drainMs: 10_000,
};

export const SILENT_LOGGER: DataPlaneLogger = { info() {}, warn() {}, error() {} };
