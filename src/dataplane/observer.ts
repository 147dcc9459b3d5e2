/**
 * What the data plane reports, kept behind a small interface so the proxy needs neither prom-client
 * nor a logger, and tests need neither. See metrics.ts and access-log.ts for the real observers.
 */
export interface RequestRecord {
  readonly socketId: string;
  readonly listenerId: string | null;
  readonly routeId: string | null;
  readonly clusterId: string | null;
  /** `address:port` of the endpoint used, or null when no backend was called. */
  readonly endpoint: string | null;
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  readonly protocol: string;
  readonly peer: string;
  readonly requestId: string | null;
}

export interface DataPlaneObserver {
  requestEnded(record: RequestRecord): void;
  upstreamConnectError(clusterId: string, endpoint: string, code: string): void;
  connectionOpened(socketId: string): void;
  connectionClosed(socketId: string): void;
}

export const NOOP_OBSERVER: DataPlaneObserver = {
  requestEnded() {},
  upstreamConnectError() {},
  connectionOpened() {},
  connectionClosed() {},
};

export function combineObservers(observers: readonly DataPlaneObserver[]): DataPlaneObserver {
  if (observers.length === 0) return NOOP_OBSERVER;
  if (observers.length === 1) return observers[0]!;
  return {
    requestEnded: (r) => { for (const o of observers) o.requestEnded(r); },
    upstreamConnectError: (c, e, code) => { for (const o of observers) o.upstreamConnectError(c, e, code); },
    connectionOpened: (s) => { for (const o of observers) o.connectionOpened(s); },
    connectionClosed: (s) => { for (const o of observers) o.connectionClosed(s); },
  };
}
