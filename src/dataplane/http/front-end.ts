/**
 * The contract between a front end (one HTTP/1.1 connection, one HTTP/2 stream) and the
 * protocol-neutral Exchange (exchange.ts). A front end parses a request into a RequestHead, creates
 * an Exchange, feeds it the request body, and writes whatever the exchange answers in its own
 * protocol; the exchange never sees a socket.
 */
import type { Duplex } from 'node:stream';
import type { EdgeLimits } from '../limits.ts';
import type { DataPlaneObserver } from '../observer.ts';
import type { Router } from '../routing/router.ts';
import type { RouteTarget } from '../runtime.ts';

/** What the transport tells about a connection (`acceptConnection`'s second argument). */
export interface ConnectionInfo {
  /** `https` once TLS has been terminated in front of this engine. */
  readonly scheme: 'http' | 'https';
  readonly peer: string;
  readonly localPort: number;
  /** ALPN protocol TLS negotiated (`h2` selects HTTP/2), or null/undefined on cleartext. */
  readonly alpn?: string | null;
  /** HTTPS: the listener SNI chose for this connection; a request whose Host belongs to another gets 421. */
  readonly listenerId?: string | null;
}

/** Per-socket state the exchanges read; `router` is replaced on every apply. */
export interface ListenerContext {
  router: Router<RouteTarget>;
  readonly socketId: string;
  /** Set when the socket drains: HTTP/1.1 responses then close their connection. */
  draining: boolean;
  readonly observer: DataPlaneObserver;
  /** This socket's edge limits; replaced on every apply like the router. */
  limits: EdgeLimits;
}

/** How the request body is delimited, as the front end read it. */
export interface RequestBodyInfo {
  /** `length`: Content-Length bytes; `stream`: chunked (HTTP/1.1) or an HTTP/2 body of unknown length. */
  readonly kind: 'none' | 'length' | 'stream';
  /** The client waits for 100 Continue before sending the body. */
  readonly expectContinue: boolean;
  /** HTTP/1.1 Upgrade asked for (WebSocket, ...), or null. */
  readonly upgrade: string | null;
  /** The client's Connection header, for dropping the headers it names. */
  readonly connection: string | undefined;
}

export interface FrontEnd {
  readonly info: ConnectionInfo;
  /** `HTTP/1.1`, `HTTP/1.0` or `HTTP/2`, for records. */
  readonly protocol: string;
  /** True once a final response head has been written. */
  readonly headSent: boolean;
  sendContinue(): void;
  /**
   * A final response head. `fields` carry no framing headers: the front end frames the body itself
   * from `length` (-1: unknown) and `noBody` (HEAD, 204, 304; `length` is then only announced).
   */
  sendHead(status: number, reason: string, fields: string[], length: number, noBody: boolean): void;
  /** False: stop producing until the exchange's `onDownstreamDrain()`. */
  sendData(chunk: Buffer): boolean;
  sendEnd(trailers: readonly string[] | null): void;
  /** The response cannot be completed (head already sent): reset the stream or close the connection. */
  abort(): void;
  pauseRequest(): void;
  resumeRequest(): void;
  /** After a 101 head: hands the raw socket (and bytes read past the request head) to a tunnel. */
  takeOver(): { socket: Duplex; head: Buffer } | null;
  /** The exchange is over (response written, or abandoned). */
  exchangeDone(): void;
}
