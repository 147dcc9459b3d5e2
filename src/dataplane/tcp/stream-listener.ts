/**
 * What the data plane needs from a listener of a non-HTTP IrSocket (TLS, TCP, UDP): bind once,
 * take each apply's socket config without rebinding, report per-listener problems, and drain.
 */
import type { AddressInfo } from 'node:net';
import type { Ir, IrSocket } from '../../ir/index.ts';

/** A listener-level problem found while compiling an apply (e.g. a certificate that does not load). */
export interface ListenerProblem {
  readonly listenerId: string;
  readonly message: string;
}

export interface StreamListener {
  listen(address: string, port: number): Promise<AddressInfo>;
  address(): AddressInfo | null;
  /** Swaps in the socket's new config; new connections use it, open ones keep theirs. */
  update(socket: IrSocket, ir: Ir): readonly ListenerProblem[];
  /** Stops accepting, lets connections run until `deadlineMs`, then destroys what is left. */
  close(deadlineMs: number): Promise<void>;
}

/** Options shared by the stream listeners; all optional with defaults. */
export interface StreamListenerOptions {
  /** Time allowed for a backend TCP connect (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** TLS sockets: time allowed for the ClientHello to arrive (default 10 s). */
  readonly clientHelloTimeoutMs?: number;
  /** UDP: a flow with no datagram either way for this long is closed (default 60 s). */
  readonly udpIdleTimeoutMs?: number;
  /** UDP: most client flows at once per socket; datagrams of new clients beyond are dropped (default 10,000). */
  readonly udpMaxFlows?: number;
  /**
   * The data plane's connection budget (limits.ts): false when the socket's `maxConnections` is
   * reached — the connection is then destroyed before any byte is read. Each admitted connection
   * calls `release` once when it is gone (or handed to the HTTP engine, which admits it itself).
   */
  readonly admit?: (socketId: string) => boolean;
  readonly release?: () => void;
  readonly onConnectionOpened?: (socketId: string) => void;
  readonly onConnectionClosed?: (socketId: string) => void;
  readonly onConnectError?: (clusterId: string, endpoint: string, code: string) => void;
  readonly logger?: { warn(obj: object, msg?: string): void };
}

export const STREAM_DEFAULTS = {
  connectTimeoutMs: 10_000,
  clientHelloTimeoutMs: 10_000,
  udpIdleTimeoutMs: 60_000,
  udpMaxFlows: 10_000,
} as const;

/** Waits until `sockets` is empty or the deadline passes, then destroys what is left. */
export async function drainSockets(sockets: Set<{ destroy(): void }>, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (sockets.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const s of sockets) s.destroy();
}
