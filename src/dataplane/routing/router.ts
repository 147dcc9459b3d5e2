/**
 * The compiled router of one socket: listener by Host, then virtual host by Host, then the first
 * route (IR precedence order) whose match fits. Built once per IR and never mutated, so a request
 * that captured a router keeps a consistent view while a newer one is swapped in.
 *
 * Generic over what a route resolves to, so the data plane can attach compiled filters and
 * backends while tests resolve plain route ids.
 */
import type { IrHttpRoute, IrListener, IrSocket, IrVirtualHost } from '../../ir/index.ts';
import { HostTable } from './host-table.ts';
import type { RouteRequest } from './request.ts';
import { compileRouteMatch, type RequestPredicate } from './route-match.ts';

export interface Router<T> {
  /** The resolved value of the first matching route, or undefined (404). */
  match(req: RouteRequest): T | undefined;
  /** Id of the listener that owns `host` (most specific hostname first), or undefined. */
  listenerOf(host: string): string | undefined;
}

export type RouteResolver<T> = (route: IrHttpRoute, vhost: IrVirtualHost, listener: IrListener) => T;

interface CompiledListener<T> {
  readonly id: string;
  readonly vhosts: HostTable<readonly Candidate<T>[]>;
}

interface Candidate<T> {
  readonly test: RequestPredicate;
  readonly value: T;
}

class CompiledRouter<T> implements Router<T> {
  readonly #listeners: HostTable<CompiledListener<T>>;

  constructor(socket: IrSocket, resolve: RouteResolver<T>) {
    this.#listeners = new HostTable(
      socket.listeners.map((l) => [l.hostname, { id: l.id, vhosts: compileListener(l, resolve) }] as const),
    );
  }

  match(req: RouteRequest): T | undefined {
    // Listener isolation: once a listener owns the host, no other listener is consulted.
    const routes = this.#listeners.lookup(req.host)?.vhosts.lookup(req.host);
    if (routes === undefined) return undefined;
    for (let i = 0; i < routes.length; i++) {
      const c = routes[i]!;
      if (c.test(req)) return c.value;
    }
    return undefined;
  }

  listenerOf(host: string): string | undefined {
    return this.#listeners.lookup(host)?.id;
  }
}

function compileListener<T>(listener: IrListener, resolve: RouteResolver<T>): HostTable<readonly Candidate<T>[]> {
  return new HostTable(
    listener.virtualHosts.map((vh) => [
      vh.hostname,
      vh.routes.map((r) => ({ test: compileRouteMatch(r.match), value: resolve(r, vh, listener) })),
    ] as const),
  );
}

export function compileRouter<T>(socket: IrSocket, resolve: RouteResolver<T>): Router<T> {
  return new CompiledRouter(socket, resolve);
}
