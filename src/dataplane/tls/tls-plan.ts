/**
 * What a TLS socket serves, compiled once per apply: listeners by SNI (the IR's most-specific-first
 * order), and for each either TLSRoutes to pass through, or a tls.Server that terminates with the
 * listener's certificates and then hands the decrypted stream on (HTTPS: to the HTTP engine; TLS
 * with TLSRoutes: to a backend). A new plan gets new tls.Server objects, so a rotated certificate
 * or changed client validation reaches new connections while open ones keep theirs.
 * Bad certificate material is reported as a problem of its own listener and never affects others.
 */
import tls from 'node:tls';
import type { Ir, IrClientValidation, IrListener, IrSocket, IrTlsRoute } from '../../ir/index.ts';
import { HostTable } from '../routing/host-table.ts';
import { L4Backends } from '../tcp/l4-backends.ts';
import type { ListenerProblem } from '../tcp/stream-listener.ts';
import { CertificateSelector, loadCertificates, MIN_TLS_VERSION } from './certificates.ts';

export interface RoutePlan {
  readonly id: string;
  readonly backends: L4Backends;
}

export interface PassthroughPlan {
  readonly kind: 'passthrough';
  readonly id: string;
  readonly routes: HostTable<RoutePlan>;
}

export interface TerminatePlan {
  readonly kind: 'terminate';
  readonly id: string;
  /** null for HTTPS listeners (the HTTP engine routes). */
  readonly routes: HostTable<RoutePlan> | null;
  /** The tls.Server for this SNI, or null when no certificate could be loaded (handshakes refused). */
  readonly serverFor: (serverName: string | null) => tls.Server | null;
}

export type ListenerPlan = PassthroughPlan | TerminatePlan;

export interface TlsPlan {
  readonly listeners: HostTable<ListenerPlan>;
  readonly problems: readonly ListenerProblem[];
}

/** What a terminating listener does with a connection once the handshake is done. */
export type SecureHandler = (socket: tls.TLSSocket, plan: TerminatePlan, serverName: string | null) => void;

export function compileTlsPlan(socket: IrSocket, ir: Ir, onSecure: SecureHandler, handshakeTimeoutMs: number): TlsPlan {
  const problems: ListenerProblem[] = [];
  const entries = socket.listeners.map((l) => [l.hostname, compileListener(l, ir, onSecure, handshakeTimeoutMs, problems)] as const);
  return { listeners: new HostTable(entries), problems };
}

function compileListener(listener: IrListener, ir: Ir, onSecure: SecureHandler, handshakeTimeoutMs: number, problems: ListenerProblem[]): ListenerPlan {
  const https = listener.protocol === 'HTTPS';
  const routes = https ? null : compileRoutes(listener.tlsRoutes, ir);
  if (listener.tls?.mode === 'Passthrough') return { kind: 'passthrough', id: listener.id, routes: routes ?? new HostTable([]) };
  const { loaded, problems: certProblems } = loadCertificates(listener.id, listener.tls?.certificates ?? []);
  problems.push(...certProblems);
  if (loaded.length === 0) {
    problems.push({ listenerId: listener.id, message: 'no usable certificate: TLS handshakes on this listener are refused' });
    return { kind: 'terminate', id: listener.id, routes, serverFor: () => null };
  }
  const validation = listener.tls?.clientValidation ?? null;
  const selector = new CertificateSelector(loaded, validation);
  // One tls.Server per distinct certificate selection, made on first use. The selection is made
  // from our own ClientHello parse rather than an SNICallback: OpenSSL only picks RSA vs ECDSA by
  // the client's signature algorithms among the certificates of the context it started with.
  const servers = new Map<string, tls.Server>();
  const plan: TerminatePlan = {
    kind: 'terminate', id: listener.id, routes,
    serverFor: (serverName) => {
      const key = selector.selectionKey(serverName);
      let server = servers.get(key);
      if (server === undefined) {
        server = createServer(selector.contextOptions(serverName), https, validation, handshakeTimeoutMs);
        server.on('secureConnection', (s: tls.TLSSocket) => onSecure(s, plan, serverName));
        servers.set(key, server);
      }
      return server;
    },
  };
  return plan;
}

function createServer(context: tls.SecureContextOptions, https: boolean, validation: IrClientValidation | null, handshakeTimeoutMs: number): tls.Server {
  const server = tls.createServer({
    ...context,
    minVersion: MIN_TLS_VERSION,
    ...(https ? { ALPNProtocols: ['h2', 'http/1.1'] } : {}),
    requestCert: validation !== null,
    rejectUnauthorized: validation?.mode === 'AllowValidOnly',
    handshakeTimeout: handshakeTimeoutMs,
    allowHalfOpen: true,
  });
  // Failed handshakes (bad client certificate, no shared cipher...) only end that connection.
  server.on('tlsClientError', () => {});
  return server;
}

function compileRoutes(routes: readonly IrTlsRoute[], ir: Ir): HostTable<RoutePlan> {
  // Every hostname of every route, in IR precedence order: HostTable keeps the first per name and
  // looks up exact names before wildcards (longest suffix first) before `*`.
  return new HostTable(routes.flatMap((r) => {
    const plan: RoutePlan = { id: r.id, backends: new L4Backends(r.backends, ir.clusters) };
    return r.hostnames.map((h) => [h, plan] as const);
  }));
}
