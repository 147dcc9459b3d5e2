/**
 * A Kubernetes API server stand-in that speaks the real HTTP protocol, for tests without a cluster:
 *
 * - discovery: GET /api, /api/v1, /apis, /apis/{group}/{version};
 * - collections: list (resourceVersion, limit/continue, labelSelector), watch (chunked JSON lines,
 *   BOOKMARK events with allowWatchBookmarks, ERROR 410 Gone for a compacted resume point,
 *   timeoutSeconds), create;
 * - objects: get, update (PUT), JSON merge patch, delete; metadata.resourceVersion in an update or
 *   patch body is a precondition (409 Conflict when stale); spec changes bump metadata.generation;
 * - the status subresource: GET/PUT/PATCH change only `.status`, and the main resource ignores status.
 *
 * Objects are stored per group/plural regardless of version and served at whichever version is asked
 * (no conversion: the tests' objects are the same at every version they use).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeResource {
  readonly group: string;
  readonly versions: readonly string[];
  readonly kind: string;
  readonly plural: string;
  readonly namespaced: boolean;
}

type Obj = { apiVersion?: string; kind?: string; metadata: Record<string, unknown> & { name: string; namespace?: string; resourceVersion?: string; generation?: number; labels?: Record<string, string>; annotations?: Record<string, string> }; status?: unknown; [k: string]: unknown };
interface Event { rv: number; type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: Obj }
interface Watcher { resource: FakeResource; namespace: string | undefined; selector: string | null; version: string; send(event: Event): void; end(): void; bookmarks: boolean }

const GW = 'gateway.networking.k8s.io';
export const DEFAULT_RESOURCES: readonly FakeResource[] = [
  ...['GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'ReferenceGrant', 'BackendTLSPolicy', 'ListenerSet', 'TLSRoute', 'TCPRoute', 'UDPRoute'].map((kind) => ({
    group: GW, versions: ['v1'], kind, plural: pluralOf(kind), namespaced: kind !== 'GatewayClass',
  })),
  ...['Namespace', 'Service', 'Secret', 'ConfigMap'].map((kind) => ({ group: '', versions: ['v1'], kind, plural: `${kind.toLowerCase()}s`, namespaced: kind !== 'Namespace' })),
  { group: 'discovery.k8s.io', versions: ['v1'], kind: 'EndpointSlice', plural: 'endpointslices', namespaced: true },
  { group: 'apps', versions: ['v1'], kind: 'Deployment', plural: 'deployments', namespaced: true },
  { group: 'autoscaling', versions: ['v2'], kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers', namespaced: true },
  { group: 'coordination.k8s.io', versions: ['v1'], kind: 'Lease', plural: 'leases', namespaced: true },
  { group: 'gateway.switchyard.dev', versions: ['v1alpha1'], kind: 'SwitchyardProxy', plural: 'switchyardproxies', namespaced: true },
];

function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  return /[^aeiou]y$/.test(lower) ? `${lower.slice(0, -1)}ies` : lower.endsWith('s') ? `${lower}es` : `${lower}s`;
}

const json = (res: http.ServerResponse, code: number, body: unknown) => {
  res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};
const status = (res: http.ServerResponse, code: number, reason: string, message: string) => json(res, code, { kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message });
const clone = <T>(v: T): T => structuredClone(v);

function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function matches(selector: string | null, labels: Record<string, string> | undefined): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const [k, v] = term.split('=') as [string, string | undefined];
    return v === undefined ? labels?.[k] !== undefined : labels?.[k] === v;
  });
}

export class FakeApiServer {
  readonly resources: FakeResource[];
  /** Every request as `METHOD path?query`, for assertions. */
  readonly requests: string[] = [];
  #rv = 100;
  /** Watches from below this resourceVersion get 410 Gone (the API server compacted its history). */
  #oldestRv = 0;
  readonly #store = new Map<string, Map<string, Obj>>();
  readonly #events = new Map<string, Event[]>();
  readonly #watchers = new Set<Watcher>();
  readonly #server = http.createServer((req, res) => this.#handle(req, res));
  /** Set to make the next N writes to a path answer 409 (tests of conflict retries). */
  readonly conflictsFor = new Map<string, number>();
  /** Called before each write; tests use it to simulate a concurrent writer. */
  beforeWrite: ((method: string, path: string) => void) | null = null;
  url = '';

  constructor(resources: readonly FakeResource[] = DEFAULT_RESOURCES) {
    this.resources = [...resources];
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.#server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const w of this.#watchers) w.end();
    this.#server.closeAllConnections();
    await new Promise((r) => this.#server.close(r));
  }

  /** A kubeconfig YAML that points at this server. */
  kubeconfig(): string {
    return `apiVersion: v1\nkind: Config\ncurrent-context: fake\nclusters: [{name: fake, cluster: {server: "${this.url}"}}]\ncontexts: [{name: fake, context: {cluster: fake, user: fake}}]\nusers: [{name: fake, user: {token: test-token}}]\n`;
  }

  get resourceVersion(): number {
    return this.#rv;
  }

  // ---------------------------------------------------------------- direct access for tests

  resourceOf(kind: string): FakeResource {
    const r = this.resources.find((x) => x.kind === kind);
    if (!r) throw new Error(`fake API server: no resource for kind ${kind}`);
    return r;
  }

  get(kind: string, namespace: string | undefined, name: string): Obj | undefined {
    const o = this.#bucket(this.resourceOf(kind)).get(namespace ? `${namespace}/${name}` : name);
    return o && clone(o);
  }

  list(kind: string): Obj[] {
    return [...this.#bucket(this.resourceOf(kind)).values()].map(clone);
  }

  /** Creates or replaces an object as another client would (status included). */
  put(object: Obj): Obj {
    const r = this.resourceOf(object.kind!);
    const key = this.#key(r, object.metadata.namespace, object.metadata.name);
    const existing = this.#bucket(r).get(key);
    return this.#save(r, key, clone(object), existing);
  }

  remove(kind: string, namespace: string | undefined, name: string): void {
    const r = this.resourceOf(kind);
    const key = this.#key(r, namespace, name);
    const existing = this.#bucket(r).get(key);
    if (existing) this.#delete(r, key, existing);
  }

  /** Forgets history: watches resuming from before now get 410 Gone. */
  compact(): void {
    this.#oldestRv = this.#rv;
    this.#events.clear();
  }

  /** Ends every open watch, as the API server does at timeoutSeconds or on restart. */
  endWatches(): void {
    for (const w of this.#watchers) w.end();
  }

  /** Sends a BOOKMARK at the current resourceVersion on every watch that asked for them. */
  bookmark(): void {
    for (const w of this.#watchers) {
      if (w.bookmarks) w.send({ rv: this.#rv, type: 'BOOKMARK' as 'ADDED', object: { apiVersion: apiVersion(w.resource, w.version), kind: w.resource.kind, metadata: { name: '', resourceVersion: String(this.#rv) } } });
    }
  }

  watcherCount(): number {
    return this.#watchers.size;
  }

  // ---------------------------------------------------------------- storage

  #bucket(r: FakeResource): Map<string, Obj> {
    const id = `${r.group}/${r.plural}`;
    if (!this.#store.has(id)) this.#store.set(id, new Map());
    return this.#store.get(id)!;
  }

  #key(r: FakeResource, namespace: string | undefined, name: string): string {
    return r.namespaced ? `${namespace}/${name}` : name;
  }

  #save(r: FakeResource, key: string, object: Obj, existing: Obj | undefined): Obj {
    const rv = ++this.#rv;
    const meta = object.metadata;
    meta.resourceVersion = String(rv);
    meta.uid = existing?.metadata.uid ?? `uid-${rv}`;
    meta.creationTimestamp = existing?.metadata.creationTimestamp ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const specChanged = !existing || JSON.stringify(existing.spec) !== JSON.stringify(object.spec);
    meta.generation = specChanged ? (existing?.metadata.generation ?? 0) + 1 : (existing.metadata.generation ?? 1);
    delete object.apiVersion;
    object.kind = r.kind;
    this.#bucket(r).set(key, object);
    this.#record(r, { rv, type: existing ? 'MODIFIED' : 'ADDED', object });
    return clone(object);
  }

  #delete(r: FakeResource, key: string, existing: Obj): void {
    this.#bucket(r).delete(key);
    const rv = ++this.#rv;
    this.#record(r, { rv, type: 'DELETED', object: { ...clone(existing), metadata: { ...existing.metadata, resourceVersion: String(rv) } } });
  }

  #record(r: FakeResource, event: Event): void {
    const id = `${r.group}/${r.plural}`;
    if (!this.#events.has(id)) this.#events.set(id, []);
    this.#events.get(id)!.push(event);
    for (const w of this.#watchers) {
      if (w.resource === r && (w.namespace === undefined || w.namespace === event.object.metadata.namespace) && matches(w.selector, event.object.metadata.labels)) w.send(event);
    }
  }

  // ---------------------------------------------------------------- HTTP

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url!, 'http://x');
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) as Obj : null;
    const parts = url.pathname.split('/').filter(Boolean);
    if (url.pathname === '/api') return json(res, 200, { kind: 'APIVersions', versions: ['v1'] });
    if (url.pathname === '/apis') return json(res, 200, { kind: 'APIGroupList', groups: this.#groups() });
    const core = parts[0] === 'api';
    const group = core ? '' : parts[1]!;
    const version = core ? parts[1]! : parts[2]!;
    let rest = parts.slice(core ? 2 : 3);
    if (rest.length === 0) return this.#resourceList(res, group, version);
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const [plural, name, sub] = rest as [string, string | undefined, string | undefined];
    const r = this.resources.find((x) => x.group === group && x.plural === plural && x.versions.includes(version));
    if (!r) return status(res, 404, 'NotFound', `the server could not find the requested resource (${url.pathname})`);
    if (!name) {
      if (req.method === 'GET' && url.searchParams.get('watch')) return this.#watch(req, res, r, version, namespace, url.searchParams);
      if (req.method === 'GET') return this.#list(res, r, version, namespace, url.searchParams);
      if (req.method === 'POST') return this.#create(res, r, version, namespace, body!);
      return status(res, 405, 'MethodNotAllowed', req.method!);
    }
    const key = this.#key(r, namespace, decodeURIComponent(name));
    const path = url.pathname;
    if (req.method !== 'GET') this.beforeWrite?.(req.method!, path);
    const current = this.#bucket(r).get(key);
    if (!current) return status(res, 404, 'NotFound', `${r.plural} "${name}" not found`);
    const out = (o: Obj) => json(res, 200, { ...o, apiVersion: apiVersion(r, version) });
    if (req.method === 'GET') return out(clone(current));
    if (req.method === 'DELETE') {
      this.#delete(r, key, current);
      return json(res, 200, { kind: 'Status', status: 'Success' });
    }
    const pendingConflicts = this.conflictsFor.get(path) ?? 0;
    const wantedRv = body?.metadata?.resourceVersion;
    if (pendingConflicts > 0 || (wantedRv !== undefined && wantedRv !== current.metadata.resourceVersion)) {
      if (pendingConflicts > 0) this.conflictsFor.set(path, pendingConflicts - 1);
      return status(res, 409, 'Conflict', `Operation cannot be fulfilled on ${r.plural} "${name}": the object has been modified; please apply your changes to the latest version and try again`);
    }
    let next: Obj;
    if (req.method === 'PUT') next = clone(body!);
    else if (req.method === 'PATCH') {
      if (!/merge-patch/.test(req.headers['content-type'] ?? '')) return status(res, 415, 'UnsupportedMediaType', 'this fake speaks JSON merge patch only');
      next = mergePatch(clone(current), body) as Obj;
    } else return status(res, 405, 'MethodNotAllowed', req.method!);
    // The status subresource changes only status; the main resource never does.
    next = sub === 'status' ? { ...clone(current), status: next.status } : { ...next, status: current.status };
    next.metadata = { ...next.metadata, name: current.metadata.name, ...(current.metadata.namespace !== undefined && { namespace: current.metadata.namespace }) };
    if (next.status === undefined) delete next.status;
    return out(this.#save(r, key, next, current));
  }

  #groups() {
    const groups = new Map<string, Set<string>>();
    for (const r of this.resources) {
      if (r.group === '') continue;
      if (!groups.has(r.group)) groups.set(r.group, new Set());
      for (const v of r.versions) groups.get(r.group)!.add(v);
    }
    return [...groups].map(([name, versions]) => ({
      name, versions: [...versions].map((version) => ({ groupVersion: `${name}/${version}`, version })),
      preferredVersion: { groupVersion: `${name}/${[...versions][0]}`, version: [...versions][0] },
    }));
  }

  #resourceList(res: http.ServerResponse, group: string, version: string): void {
    const resources = this.resources.filter((r) => r.group === group && r.versions.includes(version));
    if (resources.length === 0) return status(res, 404, 'NotFound', 'no such group version');
    json(res, 200, {
      kind: 'APIResourceList', groupVersion: group ? `${group}/${version}` : version,
      resources: resources.flatMap((r) => [
        { name: r.plural, kind: r.kind, namespaced: r.namespaced, verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
        { name: `${r.plural}/status`, kind: r.kind, namespaced: r.namespaced, verbs: ['get', 'patch', 'update'] },
      ]),
    });
  }

  #visible(r: FakeResource, namespace: string | undefined, selector: string | null): Obj[] {
    return [...this.#bucket(r).values()].filter((o) => (namespace === undefined || o.metadata.namespace === namespace) && matches(selector, o.metadata.labels));
  }

  #list(res: http.ServerResponse, r: FakeResource, version: string, namespace: string | undefined, q: URLSearchParams): void {
    const all = this.#visible(r, namespace, q.get('labelSelector')).sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
    const start = Number(q.get('continue') ?? 0);
    const limit = Number(q.get('limit') ?? 0) || all.length;
    const items = all.slice(start, start + limit).map((o) => ({ ...clone(o), apiVersion: apiVersion(r, version) }));
    const more = start + limit < all.length;
    json(res, 200, { kind: `${r.kind}List`, apiVersion: apiVersion(r, version), metadata: { resourceVersion: String(this.#rv), ...(more && { continue: String(start + limit) }) }, items });
  }

  #create(res: http.ServerResponse, r: FakeResource, version: string, namespace: string | undefined, body: Obj): void {
    if (this.beforeWrite) this.beforeWrite('POST', r.plural);
    const object: Obj = { ...clone(body), metadata: { ...body.metadata, ...(r.namespaced && { namespace: namespace ?? body.metadata.namespace }) } };
    const key = this.#key(r, object.metadata.namespace, object.metadata.name);
    if (this.#bucket(r).has(key)) return status(res, 409, 'AlreadyExists', `${r.plural} "${object.metadata.name}" already exists`);
    delete object.status;
    const saved = this.#save(r, key, object, undefined);
    json(res, 201, { ...saved, apiVersion: apiVersion(r, version) });
  }

  #watch(req: http.IncomingMessage, res: http.ServerResponse, r: FakeResource, version: string, namespace: string | undefined, q: URLSearchParams): void {
    const from = Number(q.get('resourceVersion') ?? this.#rv);
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    const write = (type: string, object: unknown) => res.write(`${JSON.stringify({ type, object })}\n`);
    if (from < this.#oldestRv) {
      write('ERROR', { kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 410, reason: 'Expired', message: `too old resource version: ${from} (${this.#oldestRv})` });
      res.end();
      return;
    }
    const selector = q.get('labelSelector');
    const watcher: Watcher = {
      resource: r, namespace, selector, version, bookmarks: q.get('allowWatchBookmarks') === 'true',
      send: (e) => write(e.type, { ...clone(e.object), apiVersion: apiVersion(r, version) }),
      end: () => { this.#watchers.delete(watcher); clearTimeout(timer); res.end(); },
    };
    const history = (this.#events.get(`${r.group}/${r.plural}`) ?? []).filter((e) => e.rv > from && (namespace === undefined || e.object.metadata.namespace === namespace) && matches(selector, e.object.metadata.labels));
    for (const e of history) watcher.send(e);
    this.#watchers.add(watcher);
    const timer = setTimeout(() => watcher.end(), Number(q.get('timeoutSeconds') ?? 1800) * 1000);
    req.on('close', () => { this.#watchers.delete(watcher); clearTimeout(timer); });
  }
}

function apiVersion(r: FakeResource, version: string): string {
  return r.group ? `${r.group}/${version}` : version;
}
