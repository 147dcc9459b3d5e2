/**
 * Edge limits as one HTTP socket enforces them: the data plane's defaults (options.ts), overridden
 * field by field by the socket's IR limits (SwitchyardProxy `spec.limits`). Recomputed per apply,
 * so a reload can tighten or loosen them on a socket that stays bound. docs/security.md lists each.
 */
import type { IrSocketLimits } from '../ir/index.ts';
import type { DataPlaneTimeouts } from './options.ts';
import type { OutlierOptions } from './upstream/outlier.ts';

export interface EdgeLimits {
  /** Request head deadline (408). */
  readonly headersMs: number;
  /** Whole client request, head and body (408). */
  readonly requestMs: number;
  /** No byte either way on a request in progress (408 while reading the body, else 504 or reset). */
  readonly streamIdleMs: number;
  /** Backend TCP connect. */
  readonly connectMs: number;
  /** Response-head deadline of routes without `timeouts.request` (504). */
  readonly routeMs: number;
  /** Idle keep-alive client connection (HTTP/1.1) or HTTP/2 session. */
  readonly downstreamIdleMs: number;
  /** Connections one worker holds at once. */
  readonly maxConnections: number;
  /** X-Forwarded-For entries trusted when naming the client in access logs. */
  readonly xffNumTrustedHops: number;
  /** Passive health checking of the endpoints this socket's requests use (upstream/outlier.ts). */
  readonly outlier: OutlierOptions;
}

export const DEFAULT_MAX_CONNECTIONS = 10_000;

export function edgeLimits(timeouts: DataPlaneTimeouts, maxConnections: number, outlier: OutlierOptions, ir: IrSocketLimits | undefined): EdgeLimits {
  return {
    headersMs: timeouts.headersMs,
    requestMs: ir?.requestMs ?? timeouts.requestMs,
    streamIdleMs: ir?.streamIdleMs ?? timeouts.streamIdleMs,
    connectMs: ir?.connectMs ?? timeouts.connectMs,
    routeMs: ir?.routeTimeoutMs ?? timeouts.routeMs,
    downstreamIdleMs: ir?.downstreamIdleMs ?? timeouts.clientKeepAliveMs,
    maxConnections: ir?.maxConnections ?? maxConnections,
    xffNumTrustedHops: ir?.xffNumTrustedHops ?? 0,
    outlier,
  };
}

/**
 * Connections held by one data plane (one worker), across all its sockets. A connection beyond
 * its socket's `maxConnections` is destroyed on accept, before any byte is read, and counted.
 */
export class ConnectionBudget {
  open = 0;
  refused = 0;

  /** True when the connection may be served; counts it until `release`. */
  admit(max: number): boolean {
    if (this.open >= max) {
      this.refused++;
      return false;
    }
    this.open++;
    return true;
  }

  release(): void {
    this.open--;
  }
}
