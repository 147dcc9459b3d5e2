/**
 * The admin API (read-only): health, readiness, Kubernetes-shaped reads of every loaded object with
 * the status Switchyard computed, the IR, configuration diagnostics and Prometheus metrics.
 * Paths follow the Kubernetes API so `switchyard get`/`describe` (and curl) read it like a cluster.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { KNOWN_KINDS, type KnownKind } from '../api/index.ts';
import type { ResourceView } from '../status/index.ts';

export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
}

/** What the admin API reads; the composition root provides it. */
export interface AdminState {
  readonly view: ResourceView;
  readonly registry: Registry;
  ready(): boolean;
  /** The IR currently served (JSON-serialisable), or null before the first translation. */
  config(): unknown;
  diagnostics(): readonly Diagnostic[];
}

const KIND_BY_PATH = new Map<string, KnownKind>();
for (const [kind, info] of Object.entries(KNOWN_KINDS) as [KnownKind, (typeof KNOWN_KINDS)[KnownKind]][]) {
  for (const version of info.versions) {
    const prefix = info.group === '' ? `/api/${version}` : `/apis/${info.group}/${version}`;
    KIND_BY_PATH.set(`${prefix}/${info.plural}`, kind);
  }
}

export interface ResourcePath {
  readonly kind: KnownKind;
  readonly apiVersion: string;
  readonly namespace: string | undefined;
  readonly name: string | undefined;
}

/** Parses `/api(s)/…/[namespaces/NS/]PLURAL[/NAME]` into what is asked for, or undefined. */
export function parseResourcePath(pathname: string): ResourcePath | undefined {
  const parts = pathname.split('/').filter(Boolean);
  const base = parts[0] === 'api' ? 2 : parts[0] === 'apis' ? 3 : -1;
  if (base < 0 || parts.length <= base) return undefined;
  const prefix = `/${parts.slice(0, base).join('/')}`;
  let rest = parts.slice(base);
  // `namespaces/NS/PLURAL…` is a namespace scope; `namespaces/NAME` alone reads one Namespace.
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const kind = KIND_BY_PATH.get(`${prefix}/${rest[0]}`);
  if (!kind || rest.length > 2) return undefined;
  return { kind, apiVersion: parts.slice(1, base).join('/'), namespace, name: rest[1] };
}

function send(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body, null, 2) + '\n';
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

function notFound(res: ServerResponse, message: string): void {
  send(res, 404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message });
}

async function handle(state: AdminState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, { message: 'the admin API is read-only' });
    return;
  }
  const url = new URL(req.url ?? '/', 'http://admin');
  switch (url.pathname) {
    case '/healthz':
      return send(res, 200, 'ok\n', 'text/plain');
    case '/readyz':
      return state.ready() ? send(res, 200, 'ok\n', 'text/plain') : send(res, 503, 'not ready\n', 'text/plain');
    case '/metrics':
      return send(res, 200, await state.registry.metrics(), state.registry.contentType);
    case '/config':
      return send(res, 200, state.config());
    case '/diagnostics':
      return send(res, 200, { items: state.diagnostics() });
  }
  const path = parseResourcePath(url.pathname);
  if (!path) return notFound(res, `no such path: ${url.pathname}`);
  const info = KNOWN_KINDS[path.kind];
  const withVersion = (o: object) => ({ ...o, apiVersion: path.apiVersion });
  if (path.name !== undefined) {
    const object = state.view.get(path.kind, info.namespaced ? path.namespace : undefined, path.name);
    if (!object) return notFound(res, `${info.plural} "${path.name}" not found`);
    return send(res, 200, withVersion(object));
  }
  const items = state.view.list(path.kind, info.namespaced ? path.namespace : undefined).map(withVersion);
  return send(res, 200, { kind: `${path.kind}List`, apiVersion: path.apiVersion, metadata: {}, items });
}

export interface AdminServer {
  readonly server: Server;
  readonly address: AddressInfo;
  close(): Promise<void>;
}

export async function startAdminServer(state: AdminState, host: string, port: number): Promise<AdminServer> {
  const server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    address: server.address() as AddressInfo,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
