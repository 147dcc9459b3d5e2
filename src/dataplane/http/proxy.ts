/**
 * The request path: read head → route → filters → pick backend and endpoint → stream to the backend
 * → stream the response back. Bodies are piped both ways (backpressure, never buffered whole).
 *
 * Hot path: one router lookup, one flat header array per direction, no URL objects for
 * origin-form targets. The router is read once per request from the listener context, so an apply
 * that swaps it never affects a request already routed.
 */
import http, { type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import { performance } from 'node:perf_hooks';
import { applyHeaderEdit, type FilterChain } from '../filters/index.ts';
import { NOOP_OBSERVER, type DataPlaneObserver } from '../observer.ts';
import type { Router } from '../routing/router.ts';
import type { BackendTarget, RouteTarget } from '../runtime.ts';
import type { EndpointPool } from '../upstream/index.ts';
import { downstreamResponseHeaders, trailerPairs, upstreamRequestHeaders } from './forward-headers.ts';
import { sendLocalReply, type AnyResponse } from './local-reply.ts';
import { readRequestHead, type AnyRequest, type RequestHead } from './request-head.ts';

/** Per-socket state the handlers read; `router` is replaced on every apply. */
export interface ProxyContext {
  router: Router<RouteTarget>;
  readonly socketId: string;
  /** Set when the socket drains: responses then close their HTTP/1.1 connection. */
  draining: boolean;
  readonly observer: DataPlaneObserver;
}

/** Connection-level failures before any response byte: the backend never answered (502). */
const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export function handleRequest(ctx: ProxyContext, req: AnyRequest, res: AnyResponse, expectContinue: boolean): void {
  const started = performance.now();
  const head = readRequestHead(req);
  if (head === null) {
    sendLocalReply(res, 400, [], true);
    observe(ctx, req, null, null, null, 400, started);
    return;
  }
  const route = ctx.router.match(head);
  if (route === undefined) return localReply(ctx, req, res, head, null, 404, started);
  if (route.filters.redirect !== null) {
    const location = route.filters.redirect.location({
      scheme: 'http', host: head.host, listenerPort: req.socket.localPort ?? 80, path: head.path, query: head.query,
    });
    const headers = ['Location', location];
    for (const edit of route.filters.responseHeaders) applyHeaderEdit(headers, edit);
    sendLocalReply(res, route.filters.redirect.statusCode, headers);
    return observe(ctx, req, head, route, null, route.filters.redirect.statusCode, started);
  }
  const backend = route.backends.pick();
  if (backend === undefined || backend.cluster === null) return localReply(ctx, req, res, head, route, 500, started);
  const pool = backend.cluster.pick();
  if (pool === undefined) return localReply(ctx, req, res, head, route, 503, started);
  new Exchange(ctx, req, res, head, route, backend, pool, started, expectContinue).send();
}

function localReply(ctx: ProxyContext, req: AnyRequest, res: AnyResponse, head: RequestHead, route: RouteTarget | null, status: number, started: number): void {
  sendLocalReply(res, status, ctx.draining ? ['Connection', 'close'] : []);
  observe(ctx, req, head, route, null, status, started);
}

/** One proxied request: its upstream attempt(s), timer and bookkeeping. */
class Exchange {
  readonly ctx: ProxyContext;
  readonly req: AnyRequest;
  readonly res: AnyResponse;
  readonly head: RequestHead;
  readonly route: RouteTarget;
  readonly backend: BackendTarget;
  readonly pool: EndpointPool;
  readonly started: number;
  readonly expectContinue: boolean;
  readonly upstreamHeaders: string[];
  readonly upstreamPath: string;
  /** The request has a body to forward (declared length or chunked). */
  readonly hasBody: boolean;
  upstream: ClientRequest | null = null;
  timer: NodeJS.Timeout | null = null;
  status = 0;
  retried = false;

  constructor(ctx: ProxyContext, req: AnyRequest, res: AnyResponse, head: RequestHead, route: RouteTarget,
    backend: BackendTarget, pool: EndpointPool, started: number, expectContinue: boolean) {
    this.ctx = ctx; this.req = req; this.res = res; this.head = head; this.route = route;
    this.backend = backend; this.pool = pool; this.started = started; this.expectContinue = expectContinue;
    const filters: FilterChain = backend.filters;
    const rewrite = filters.rewrite;
    const length = req.headers['content-length'];
    const chunked = length === undefined && (req.httpVersionMajor === 2
      ? !(req as Http2ServerRequest).stream.endAfterHeaders
      : req.headers['transfer-encoding'] !== undefined);
    this.hasBody = chunked || (length !== undefined && length !== '0');
    this.upstreamHeaders = upstreamRequestHeaders(req.rawHeaders, {
      host: rewrite?.hostname ?? head.rawHost,
      originalHost: head.rawHost,
      peer: req.socket.remoteAddress ?? '',
      proto: 'http',
      connection: req.headers.connection,
      chunked,
      upgrade: null,
    });
    for (const edit of filters.requestHeaders) applyHeaderEdit(this.upstreamHeaders, edit);
    const path = rewrite?.path ? rewrite.path(head.path) : head.path;
    this.upstreamPath = head.query === '' ? path : `${path}?${head.query}`;
  }

  send(): void {
    const { res, route } = this;
    if (route.timeoutMs !== Infinity) this.timer = setTimeout(() => this.onTimeout(), route.timeoutMs);
    res.once('close', () => this.onDownstreamClose());
    this.attempt();
    const req = this.req;
    if (!this.hasBody) return;
    if (req.httpVersionMajor === 1 && req.headers['transfer-encoding'] !== undefined) {
      // Relay request trailers: registered before pipe() so they are added before it ends the upstream.
      req.once('end', () => {
        if (req.rawTrailers.length > 0 && this.upstream !== null) this.upstream.addTrailers(trailerPairs(req.rawTrailers));
      });
    }
    req.pipe(this.upstream!);
  }

  attempt(): void {
    const pool = this.pool;
    pool.active++;
    const upstream = http.request({
      host: pool.address,
      port: pool.port,
      method: this.head.method,
      path: this.upstreamPath,
      headers: this.upstreamHeaders,
      agent: pool.agent,
    });
    this.upstream = upstream;
    upstream.once('close', () => { pool.active--; });
    upstream.on('response', (upRes) => this.onResponse(upRes));
    upstream.on('error', (err) => this.onUpstreamError(upstream, err as NodeJS.ErrnoException));
    if (this.expectContinue) {
      upstream.on('continue', () => (this.res as ServerResponse).writeContinue());
      // The body waits for our 100 Continue, so the head must go out on its own.
      upstream.flushHeaders();
    }
    if (!this.hasBody) upstream.end();
  }

  onResponse(upRes: IncomingMessage): void {
    const res = this.res;
    if (res.destroyed) return;
    const headers = downstreamResponseHeaders(upRes.rawHeaders, upRes.headers.connection);
    for (const edit of this.backend.filters.responseHeaders) applyHeaderEdit(headers, edit);
    if (this.ctx.draining && 'shouldKeepAlive' in res) res.shouldKeepAlive = false;
    this.status = upRes.statusCode ?? 502;
    (res as ServerResponse).writeHead(this.status, headers);
    upRes.once('end', () => {
      if (upRes.rawTrailers.length > 0) res.addTrailers(trailerPairs(upRes.rawTrailers));
    });
    // The backend vanishing mid-body must not look like a complete response to the client.
    upRes.once('error', () => res.destroy());
    upRes.pipe(res);
  }

  onUpstreamError(upstream: ClientRequest, err: NodeJS.ErrnoException): void {
    if (upstream !== this.upstream || this.res.headersSent || this.res.destroyed) {
      if (!this.res.writableFinished) this.res.destroy();
      return;
    }
    const code = err.code ?? 'UNKNOWN';
    // A pooled keep-alive socket the backend closed while idle: safe to try once on a fresh one when
    // nothing of the request has been consumed.
    if (upstream.reusedSocket && code === 'ECONNRESET' && !this.hasBody && !this.retried) {
      this.retried = true;
      this.attempt();
      return;
    }
    if (this.status === 504) return;
    const label = `${this.pool.address}:${this.pool.port}`;
    if (CONNECT_ERRORS.has(code)) this.ctx.observer.upstreamConnectError(this.pool.clusterId, label, code);
    this.status = 502;
    sendLocalReply(this.res, 502);
  }

  onTimeout(): void {
    this.timer = null;
    this.status = 504;
    this.upstream?.destroy();
    if (this.res.headersSent) this.res.destroy();
    else sendLocalReply(this.res, 504);
  }

  onDownstreamClose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    // The client went away (or the response is done): stop the upstream side either way.
    if (!this.res.writableFinished) this.upstream?.destroy();
    observe(this.ctx, this.req, this.head, this.route, this.pool, this.status || 502, this.started);
  }
}

function observe(ctx: ProxyContext, req: AnyRequest, head: RequestHead | null, route: RouteTarget | null,
  pool: EndpointPool | null, status: number, started: number): void {
  // Nothing listens: skip building the record (hot path).
  if (ctx.observer === NOOP_OBSERVER) return;
  const requestId = req.headers['x-request-id'];
  ctx.observer.requestEnded({
    socketId: ctx.socketId,
    listenerId: route?.listenerId ?? null,
    routeId: route?.id ?? null,
    clusterId: pool?.clusterId ?? null,
    endpoint: pool === null ? null : `${pool.address}:${pool.port}`,
    method: req.method ?? '',
    host: head?.host ?? '',
    path: head?.path ?? '',
    status,
    durationMs: performance.now() - started,
    protocol: `HTTP/${req.httpVersion}`,
    peer: req.socket?.remoteAddress ?? '',
    requestId: typeof requestId === 'string' ? requestId : null,
  });
}
