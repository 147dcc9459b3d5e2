/** Shorthands for the GATEWAY-GRPC, -TLS, -TCP and -UDP scenarios (their own group, one serve). */
import type { Exchange, NamespacedName, RouteKind, Scenario, StatusCheck } from '../harness/scenario.ts';
import { INFRA, scenario } from './dsl.ts';
import type { GrpcEchoMethod } from '../harness/grpc-echo.ts';

export const GRPC_UNIMPLEMENTED = 12;
const NO_PATH = { path: '/' } as const;

/** A scenario of the `protocols` group. */
export function protocolScenario(s: Parameters<typeof scenario>[0]): Scenario {
  return scenario({ ...s, group: 'protocols' });
}

/** A gRPC call that `backend` must answer (the suite's grpc.ExpectedResponse with Backend). */
export function grpcReaches(backend: string, method: GrpcEchoMethod, call: { authority?: string; metadata?: Record<string, string> } = {}, extra: Partial<Exchange> = {}): Exchange {
  return { request: NO_PATH, grpc: { method, ...call }, backend, ...extra };
}

/** A gRPC call answered with status `code` by the gateway. */
export function grpcAnswers(code: number, method: GrpcEchoMethod, call: { authority?: string; metadata?: Record<string, string> } = {}): Exchange {
  return { request: NO_PATH, grpc: { method, ...call, code } };
}

/** A plain TCP connection to the listener on `port` that `backend` must answer. */
export function tcpReaches(backend: string, port: number, extra: Partial<Exchange> = {}): Exchange {
  return { request: NO_PATH, stream: {}, port, backend, ...extra };
}

/** A TLS connection with SNI `serverName` to `port`, answered by `backend` (passthrough: the echo terminates TLS and sees the SNI). */
export function tlsReaches(backend: string, port: number, serverName: string, passthrough: boolean, extra: Partial<Exchange> = {}): Exchange {
  return { request: NO_PATH, stream: { tls: { serverName }, backendIsTLS: passthrough, ...(passthrough && { backendServerName: serverName }) }, port, backend, ...extra };
}

/** A TLS connection with SNI `serverName` that must not reach any backend. */
export function tlsRefused(port: number, serverName: string, extra: Partial<Exchange> = {}): Exchange {
  return { request: NO_PATH, stream: { tls: { serverName }, refused: true }, port, ...extra };
}

/** A UDP datagram to `port` answered by `backend`'s echo. */
export function udpReaches(backend: string, port: number, extra: Partial<Exchange> = {}): Exchange {
  return { request: NO_PATH, datagram: {}, port, backend, ...extra };
}

/** The suite's <Kind>RouteMustHaveCondition: the route's entry for `gateway` has these conditions. */
export function routeHas(kind: RouteKind, name: string, gateway: NamespacedName, conditions: Record<string, string>): StatusCheck {
  return { kind, name: `${INFRA}/${name}`, parent: gateway, conditions };
}

/** The suite's Gateway*RoutesMustBeAccepted for non-HTTP routes. */
export function accepted(kind: RouteKind, gateway: NamespacedName, routes: readonly string[]): Pick<Scenario, 'gateway' | 'acceptedRoutes' | 'routeKind'> {
  return { gateway, routeKind: kind, acceptedRoutes: routes.map((r): NamespacedName => `${INFRA}/${r}`) };
}

/** A listener that is up, lists `kind`, with `attachedRoutes` routes. */
export const listenerWith = (kind: RouteKind, attachedRoutes: number) => ({ supportedKinds: [kind], conditions: { Accepted: 'True' }, attachedRoutes });

export const gw = (name: string): NamespacedName => `${INFRA}/${name}`;
