/**
 * Collects what attached routes add to each listener and produces the ordered tables of the IR:
 * virtual hosts most specific first, routes in precedence order, TLS routes by SNI specificity, L4
 * routes oldest first (the data plane serves the first L4 route of a listener).
 *
 * Routes are translated once for every listener; the cluster a backend uses may still depend on the
 * listener's Gateway (its backend client certificate, backend-refs.ts), so each route's cluster ids
 * go through `clusterFor` as it is added, and a route is copied only when one of them changes.
 */
import type { KubeObject } from '../../api/index.ts';
import type { IrHttpFilter, IrHttpRoute, IrL4Route, IrTlsRoute, IrWeightedBackend } from '../../ir/index.ts';
import type { ListenerContext, ListenerRoutes } from '../context.ts';
import { compareHostnameSpecificity } from '../hostnames.ts';
import { comparePrecedence } from '../precedence.ts';
import type { PrecedenceKey } from '../precedence.ts';
import { compareAge } from './object-order.ts';

export interface HttpEntry {
  readonly ir: IrHttpRoute;
  readonly key: PrecedenceKey;
}

export interface StreamEntry<T> {
  readonly ir: T;
  readonly route: KubeObject;
}

interface Table {
  readonly vhosts: Map<string, Map<string, HttpEntry>>;
  readonly tls: Map<string, StreamEntry<IrTlsRoute>>;
  readonly l4: Map<string, StreamEntry<IrL4Route>>;
}

/** The cluster a listener's routes use for a cluster id (the id itself, or a Gateway-specific variant). */
export type ClusterFor = (listener: ListenerContext, clusterId: string) => string;

export class ListenerTables {
  readonly #tables = new Map<string, Table>();
  readonly #clusters = new Set<string>();
  readonly #clusterFor: ClusterFor;

  constructor(clusterFor: ClusterFor = (_listener, id) => id) {
    this.#clusterFor = clusterFor;
  }

  #table(listener: ListenerContext): Table {
    let t = this.#tables.get(listener.id);
    if (!t) {
      t = { vhosts: new Map(), tls: new Map(), l4: new Map() };
      this.#tables.set(listener.id, t);
    }
    return t;
  }

  #use(backends: readonly IrWeightedBackend[]): void {
    for (const b of backends) {
      if (b.clusterId) this.#clusters.add(b.clusterId);
      for (const f of b.filters) if (f.type === 'RequestMirror' && f.clusterId) this.#clusters.add(f.clusterId);
    }
  }

  /** The same route entry may arrive twice (two parentRefs selecting one listener): ids dedupe it. */
  addHttp(listener: ListenerContext, hostname: string, added: HttpEntry): void {
    const entry = this.#rebindHttp(listener, added);
    const vhosts = this.#table(listener).vhosts;
    const routes = vhosts.get(hostname) ?? new Map<string, HttpEntry>();
    routes.set(entry.ir.id, entry);
    vhosts.set(hostname, routes);
    this.#use(entry.ir.backends);
    for (const f of entry.ir.filters) if (f.type === 'RequestMirror' && f.clusterId) this.#clusters.add(f.clusterId);
  }

  addTls(listener: ListenerContext, added: StreamEntry<IrTlsRoute>): void {
    const entry = this.#rebindStream(listener, added);
    const tls = this.#table(listener).tls;
    const before = tls.get(entry.ir.id);
    // One TLSRoute reaching a listener through two parentRefs serves the union of its hostnames.
    const hostnames = [...new Set([...(before?.ir.hostnames ?? []), ...entry.ir.hostnames])].sort(compareHostnameSpecificity);
    tls.set(entry.ir.id, { ...entry, ir: { ...entry.ir, hostnames } });
    this.#use(entry.ir.backends);
  }

  addL4(listener: ListenerContext, added: StreamEntry<IrL4Route>): void {
    const entry = this.#rebindStream(listener, added);
    this.#table(listener).l4.set(entry.ir.id, entry);
    this.#use(entry.ir.backends);
  }

  #rebindHttp(listener: ListenerContext, entry: HttpEntry): HttpEntry {
    const filters = this.#rebindFilters(listener, entry.ir.filters);
    const backends = this.#rebindBackends(listener, entry.ir.backends);
    if (filters === entry.ir.filters && backends === entry.ir.backends) return entry;
    return { ...entry, ir: { ...entry.ir, filters, backends } };
  }

  #rebindStream<T extends IrTlsRoute | IrL4Route>(listener: ListenerContext, entry: StreamEntry<T>): StreamEntry<T> {
    const backends = this.#rebindBackends(listener, entry.ir.backends);
    return backends === entry.ir.backends ? entry : { ...entry, ir: { ...entry.ir, backends } };
  }

  /** The same array when no cluster id changes, so that unaffected routes are not copied. */
  #rebindBackends(listener: ListenerContext, backends: readonly IrWeightedBackend[]): readonly IrWeightedBackend[] {
    let changed = false;
    const out = backends.map((b) => {
      const clusterId = b.clusterId === null ? null : this.#clusterFor(listener, b.clusterId);
      const filters = this.#rebindFilters(listener, b.filters);
      if (clusterId === b.clusterId && filters === b.filters) return b;
      changed = true;
      return { ...b, clusterId, filters };
    });
    return changed ? out : backends;
  }

  #rebindFilters(listener: ListenerContext, filters: readonly IrHttpFilter[]): readonly IrHttpFilter[] {
    let changed = false;
    const out = filters.map((f) => {
      if (f.type !== 'RequestMirror' || f.clusterId === null) return f;
      const clusterId = this.#clusterFor(listener, f.clusterId);
      if (clusterId === f.clusterId) return f;
      changed = true;
      return { ...f, clusterId };
    });
    return changed ? out : filters;
  }

  /** Cluster ids the tables refer to. */
  usedClusters(): ReadonlySet<string> {
    return this.#clusters;
  }

  build(): Map<string, ListenerRoutes> {
    const out = new Map<string, ListenerRoutes>();
    for (const id of [...this.#tables.keys()].sort()) {
      const t = this.#tables.get(id)!;
      const virtualHosts = [...t.vhosts.keys()].sort(compareHostnameSpecificity).map((hostname) => ({
        id: `${id}/host/${hostname}`,
        hostname,
        routes: [...t.vhosts.get(hostname)!.values()].sort((a, b) => comparePrecedence(a.key, b.key)).map((e) => e.ir),
      }));
      // A TLS route is ranked by its most specific SNI pattern, so an exact name is tried before a
      // wildcard that also covers it; then by age and name, as for every conflict between routes.
      const tlsRoutes = [...t.tls.values()]
        .sort((a, b) => compareHostnameSpecificity(a.ir.hostnames[0] ?? '*', b.ir.hostnames[0] ?? '*') || compareAge(a.route, b.route) || (a.ir.id < b.ir.id ? -1 : 1))
        .map((e) => e.ir);
      const l4Routes = [...t.l4.values()].sort((a, b) => compareAge(a.route, b.route) || (a.ir.id < b.ir.id ? -1 : 1)).map((e) => e.ir);
      out.set(id, { virtualHosts, tlsRoutes, l4Routes });
    }
    return out;
  }
}
