/**
 * One request through the gateway, whatever protocol the client speaks: route → filters → backend
 * and endpoint → upstream attempt(s) → response back to the front end (front-end.ts), with
 * backpressure both ways. Both the HTTP/1.1 engine (h1/server-connection.ts) and the HTTP/2 front
 * (h2/h2-stream.ts) feed it, so every feature below behaves the same on both.
 *
 * Seams for the features that plug in next (filters/ compiles them onto the route; the exchange
 * calls them at one place each):
 * - Answer locally — `#answerLocally`: RequestRedirect today; a CORS preflight answers here too.
 * - Choose the endpoint — `#chooseEndpoint`: the cluster's balancer today; session persistence
 *   looks up its cookie/header here, and sets it in `#editResponseFields`.
 * - Retry an attempt — `#retryable`: today only a stale keep-alive connection that failed before any
 *   response byte. A retry policy adds its codes/attempts/backoff here. The hard rule is already
 *   enforced: a request is re-sent only when no body byte went to the failed attempt
 *   (`#bodyForwarded === 0`); a replayable body needs a bounded copy kept in `onRequestData`.
 * - Mirror — `#tees`: every RequestTee sees the head and each body chunk; a tee must never slow the
 *   client (it drops rather than backpressures).
 * - Edit headers — `#requestFields` / `#editResponseFields`: header modifiers, URLRewrite host.
 *
 * Hot path: no closures per request (the exchange itself is the upstream listener and pool waiter),
 * one flat header list per direction, the upstream head serialised once.
 */
import type { Duplex } from 'node:stream';
import { applyHeaderEdit, type CompiledCors, type FilterChain } from '../filters/index.ts';
import { NOOP_OBSERVER } from '../observer.ts';
import type { BackendTarget, RouteTarget } from '../runtime.ts';
import type { ClusterRuntime, EndpointPool } from '../upstream/index.ts';
import type { ConnectionWaiter, PooledStream } from '../upstream/endpoint-pool.ts';
import { startMirrors } from '../upstream/mirror.ts';
import { pickHealthy, reportFailure, reportStatus } from '../upstream/outlier.ts';
import { ReplayBuffer } from '../upstream/retry-policy.ts';
import type { UpstreamError, UpstreamListener } from '../upstream/upstream-connection.ts';
import { LENGTH, NO_BODY } from './h1/framing.ts';
import type { H1Response } from './h1/response.ts';
import { reasonPhrase, requestHead } from './h1/serialize.ts';
import { downstreamResponseHeaders, upgradeResponseHeaders, upstreamRequestHeaders } from './forward-headers.ts';
import type { FrontEnd, ListenerContext, RequestBodyInfo } from './front-end.ts';
import { clientAddress } from './client-address.ts';
import { watchConnect } from './connect-deadline.ts';
import { grpcReplyFields, isGrpcRequest } from './grpc-reply.ts';
import { localBody, localFields } from './local-reply.ts';
import { misdirectedStatus } from './misdirected.ts';
import type { RequestHead } from './request-head.ts';

/** A copy of the request for a mirror backend (RequestMirror); it gets the upstream head when created. */
export interface RequestTee {
  data(chunk: Buffer): void;
  end(trailers: readonly string[] | null): void;
  abort(): void;
}

const NO_TEES: readonly RequestTee[] = [];

export class Exchange implements UpstreamListener, ConnectionWaiter {
  readonly ctx: ListenerContext;
  readonly front: FrontEnd;
  readonly head: RequestHead;
  readonly body: RequestBodyInfo;
  readonly started = performance.now();
  route: RouteTarget | null = null;
  backend: BackendTarget | null = null;
  pool: EndpointPool | null = null;
  /** Status sent to the client (0 until one is). */
  status = 0;
  #tees: readonly RequestTee[] = NO_TEES;
  #upstream: PooledStream | null = null;
  #upstreamHead = '';
  #timer: NodeJS.Timeout | null = null;
  #inFlight = false;
  #waiting = false;
  #pending: Buffer[] | null = null;
  #bodyForwarded = 0;
  #bodyEnded: boolean;
  #trailers: readonly string[] | null = null;
  #retried = false;
  /** Retry policy state: retries left, the body kept for replay (null: no body or no policy). */
  #retriesLeft = 0;
  #replay: ReplayBuffer | null = null;
  #retryTimer: NodeJS.Timeout | null = null;
  #attemptTimer: NodeJS.Timeout | null = null;
  /** The request carried a valid session (session persistence chose the endpoint). */
  #resumed = false;
  #local = false;
  #done = false;

  constructor(ctx: ListenerContext, front: FrontEnd, head: RequestHead, body: RequestBodyInfo) {
    this.ctx = ctx;
    this.front = front;
    this.head = head;
    this.body = body;
    this.#bodyEnded = body.kind === 'none';
  }

  start(): void {
    // The router is read once: an apply that swaps it never affects a request already routed.
    const router = this.ctx.router;
    const misdirected = misdirectedStatus(router, this.head.host, this.front.info.listenerId);
    if (misdirected !== 0) return this.reply(misdirected);
    const route = router.match(this.head);
    if (route === undefined) return this.reply(404);
    this.route = route;
    if (this.#answerLocally(route)) return;
    const session = route.session?.resume(this.head) ?? null;
    const backend = session?.backend ?? route.backends.pick();
    if (backend === undefined || backend.cluster === null) return this.reply(500);
    this.backend = backend;
    if (backend.filters.redirect !== null) return this.#redirect(backend.filters); // a backendRef's RequestRedirect
    this.#resumed = session !== null;
    const pool = session?.pool ?? this.#chooseEndpoint(backend.cluster);
    if (pool === undefined) return this.reply(503);
    this.pool = pool;
    const rewrite = backend.filters.rewrite;
    const path = rewrite?.path ? rewrite.path(this.head.path) : this.head.path;
    this.#upstreamHead = requestHead(this.head.method, this.head.query === '' ? path : `${path}?${this.head.query}`, this.#requestFields(backend));
    // The gateway's default deadline counts from the end of the request, so an upload is not cut by it.
    if (route.timeoutMs !== Infinity && (!route.timeoutEndsAtHead || this.#bodyEnded)) this.#timer = setTimeout(onTimeout, route.timeoutMs, this);
    const bodyKind = this.body.kind === 'none' ? 'none' : this.body.kind === 'length' ? 'length' : 'chunked';
    if (backend.mirrors.length > 0 && this.body.upgrade === null) this.#tees = startMirrors(backend.mirrors, this.#upstreamHead, this.head.method, bodyKind);
    if (route.retry !== null && this.body.upgrade === null) {
      this.#retriesLeft = route.retry.retries;
      if (this.body.kind !== 'none') this.#replay = new ReplayBuffer();
    }
    this.#attempt();
  }

  /** A local answer (errors, redirects): fixed body, no backend. */
  reply(status: number, fields: readonly string[] = []): void {
    if (this.#done) return;
    this.#local = true;
    this.status = status;
    if (status >= 400 && isGrpcRequest(this.head)) {
      this.front.sendHead(200, 'OK', grpcReplyFields(status), -1, true);
      this.front.sendEnd(null);
      return this.#finish();
    }
    const body = localBody(status);
    const noBody = this.head.method === 'HEAD';
    this.front.sendHead(status, reasonPhrase(status), localFields(fields), body.length, noBody);
    if (!noBody && body.length > 0) this.front.sendData(body);
    this.front.sendEnd(null);
    this.#finish();
  }

  // ---- request body, from the front end ----

  /** False asks the front end to pause the client until `resumeRequest()`. */
  onRequestData(chunk: Buffer): boolean {
    if (this.#local || this.#done) return true; // answered already: the body is read and dropped
    for (const tee of this.#tees) tee.data(chunk);
    this.#replay?.keep(chunk);
    if (this.#upstream === null) {
      (this.#pending ??= []).push(chunk);
      return false;
    }
    this.#bodyForwarded += chunk.length;
    return this.#upstream.writeBody(chunk);
  }

  onRequestEnd(trailers: readonly string[] | null): void {
    this.#bodyEnded = true;
    const route = this.route;
    if (route !== null && route.timeoutEndsAtHead && this.#timer === null && !this.#done && !this.front.headSent && route.timeoutMs !== Infinity) {
      this.#timer = setTimeout(onTimeout, route.timeoutMs, this);
    }
    this.#trailers = trailers;
    for (const tee of this.#tees) tee.end(trailers);
    this.#upstream?.endBody(trailers);
  }

  /** The client vanished (`status` null) or sent a malformed body (`status` to answer if still possible). */
  onRequestAborted(status: number | null): void {
    if (this.#done) return;
    for (const tee of this.#tees) tee.abort();
    this.#dropUpstream();
    if (status !== null && !this.front.headSent) return this.reply(status);
    if (this.front.headSent) this.front.abort();
    if (this.status === 0) this.status = 499; // nginx's "client closed request"
    this.#finish();
  }

  onDownstreamDrain(): void {
    this.#upstream?.resumeResponse();
  }

  // ---- upstream side ----

  onConnection(conn: PooledStream): void {
    this.#waiting = false;
    if (this.#done) return void this.pool!.release(conn);
    this.#upstream = conn;
    if ('socket' in conn) watchConnect(conn.socket, this.ctx.limits.connectMs);
    conn.send(this, this.#upstreamHead, this.head.method, this.body.kind === 'none' ? 'none' : this.body.kind === 'length' ? 'length' : 'chunked');
    const pending = this.#pending;
    if (pending !== null) {
      this.#pending = null;
      for (const chunk of pending) {
        this.#bodyForwarded += chunk.length;
        conn.writeBody(chunk);
      }
      if (!this.#bodyEnded) this.front.resumeRequest();
    }
    if (this.#bodyEnded && this.body.kind !== 'none') conn.endBody(this.#trailers);
  }

  onUpstreamContinue(): void {
    if (this.body.expectContinue && !this.front.headSent) this.front.sendContinue();
  }

  onUpstreamHead(res: H1Response): void {
    reportStatus(this.backend!.cluster!, this.pool!, res.status, this.ctx.limits.outlier);
    if (this.#retriesLeft > 0 && this.route!.retry!.codes.has(res.status) && this.#replayable()) {
      // Retried before any of it reaches the client; the connection is cut rather than drained.
      this.#dropUpstream();
      return this.#scheduleRetry();
    }
    if (this.route!.timeoutEndsAtHead && this.#timer !== null) {
      // The gateway's default deadline is met; the body is bounded by stream idle (the front end's sweep).
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const fields = downstreamResponseHeaders(res.raw, res.lower, res.connection);
    this.#editResponseFields(fields);
    this.status = res.status;
    const kind = res.framing.kind;
    const length = kind === LENGTH ? res.framing.length : kind === NO_BODY ? res.declaredLength : -1;
    this.front.sendHead(res.status, res.reason, fields, length, kind === NO_BODY);
  }

  onUpstreamData(chunk: Buffer): boolean {
    return this.front.sendData(chunk);
  }

  onUpstreamEnd(trailers: readonly string[]): void {
    this.#upstream = null;
    this.#endAttempt();
    this.front.sendEnd(trailers.length > 0 ? trailers : null);
    this.#finish();
  }

  onUpstreamDrain(): void {
    this.front.resumeRequest();
  }

  onUpstreamError(err: UpstreamError): void {
    this.#upstream = null;
    this.#endAttempt();
    if (this.#done) return;
    // A stale keep-alive connection says nothing about the endpoint's health.
    if (!err.reused) reportFailure(this.backend!.cluster!, this.pool!, this.ctx.limits.outlier);
    // With a retry policy a stale connection is one of its retries, not a free extra attempt.
    if (this.route!.retry === null && this.#retryable(err)) {
      this.#retried = true;
      return this.#attempt();
    }
    if (this.#retriesLeft > 0 && err.beforeResponse && err.code !== 'EPROTO' && !this.front.headSent && this.#replayable()) return this.#scheduleRetry();
    if (err.connect) this.ctx.observer.upstreamConnectError(this.pool!.clusterId, this.pool!.label, err.code);
    // Every retry failed too: the service is unavailable (503), not one bad answer from it (502).
    if (!this.front.headSent) return this.reply(this.route!.retry !== null && this.#retried ? 503 : 502);
    this.front.abort();
    this.#finish();
  }

  onUpstreamUpgrade(res: H1Response, socket: Duplex, rest: Buffer): void {
    this.#upstream = null;
    this.#endAttempt();
    const fields = upgradeResponseHeaders(res.raw, res.lower);
    this.#editResponseFields(fields);
    this.status = 101;
    this.front.sendHead(101, res.reason, fields, -1, true);
    const client = this.front.takeOver();
    if (client === null) socket.destroy();
    else splice(client.socket, client.head, socket, rest);
    this.#finish();
  }

  /** One attempt ran past timeouts.backendRequest: retried while the policy allows, else 504. */
  onAttemptTimeout(): void {
    this.#attemptTimer = null;
    if (this.#done) return;
    if (this.#retriesLeft > 0 && !this.front.headSent && this.#replayable()) {
      this.#dropUpstream();
      return this.#scheduleRetry();
    }
    this.#expire();
  }

  onTimeout(): void {
    this.#timer = null;
    this.#expire();
  }

  #expire(): void {
    if (this.#done) return;
    this.#dropUpstream();
    if (!this.front.headSent) return this.reply(504);
    this.status = 504;
    this.front.abort();
    this.#finish();
  }

  // ---- seams ----

  /** True when the route answers without a backend (redirect, CORS preflight). */
  #answerLocally(route: RouteTarget): boolean {
    const cors = route.filters.cors;
    if (cors !== null && this.head.method === 'OPTIONS' && this.#preflight(cors)) return true;
    if (route.filters.redirect === null) return false;
    this.#redirect(route.filters);
    return true;
  }

  #redirect(chain: FilterChain): void {
    const location = chain.redirect!.location({
      scheme: this.front.info.scheme, host: this.head.host, listenerPort: this.front.info.localPort, path: this.head.path, query: this.head.query,
    });
    const fields = ['Location', location];
    for (const edit of chain.responseHeaders) applyHeaderEdit(fields, edit);
    this.reply(chain.redirect!.statusCode, fields);
  }

  /** A CORS preflight from an allowed origin is answered here; any other OPTIONS goes to the backend. */
  #preflight(cors: CompiledCors): boolean {
    const origin = this.head.get('origin');
    const method = this.head.get('access-control-request-method');
    if (origin === undefined || method === undefined || !cors.allows(origin)) return false;
    this.reply(200, cors.preflightFields(origin, method, this.head.get('access-control-request-headers')));
    return true;
  }

  #chooseEndpoint(cluster: ClusterRuntime): EndpointPool | undefined {
    return pickHealthy(cluster);
  }

  #retryable(err: UpstreamError): boolean {
    // A pooled connection the backend closed while idle: nothing of the request was consumed, so
    // sending it again on a fresh connection is safe.
    return err.reused && err.beforeResponse && err.code !== 'EPROTO' && this.#bodyForwarded === 0 && !this.#retried;
  }

  #requestFields(backend: BackendTarget): string[] {
    const fields = upstreamRequestHeaders(this.head.raw, this.head.lower, {
      host: backend.filters.rewrite?.hostname ?? this.head.rawHost,
      originalHost: this.head.rawHost,
      peer: this.front.info.peer,
      proto: this.front.info.scheme,
      connection: this.body.connection,
      chunked: this.body.kind === 'stream',
      upgrade: this.body.upgrade,
    });
    for (const edit of backend.filters.requestHeaders) applyHeaderEdit(fields, edit);
    return fields;
  }

  #editResponseFields(fields: string[]): void {
    const filters = this.backend!.filters;
    for (const edit of filters.responseHeaders) applyHeaderEdit(fields, edit);
    if (filters.cors !== null) {
      const origin = this.head.get('origin');
      if (origin !== undefined && filters.cors.allows(origin)) filters.cors.decorate(fields, origin);
    }
    this.route!.session?.addResponseField(fields, this.pool!, this.#resumed, this.head);
  }

  /** The body sent to the failed attempt can be sent again: none yet, or all of it still held. */
  #replayable(): boolean {
    return this.#replay === null ? this.#bodyForwarded === 0 : this.#replay.usable;
  }

  #scheduleRetry(): void {
    this.#retried = true;
    this.#retriesLeft--;
    this.#retryTimer = setTimeout(onRetry, this.route!.retry!.backoffMs, this);
  }

  /** The backoff is over: a new attempt (a new endpoint unless a session holds it) with the kept body. */
  retryNow(): void {
    this.#retryTimer = null;
    if (this.#done) return;
    if (!this.#resumed) {
      const pool = this.#chooseEndpoint(this.backend!.cluster!);
      if (pool === undefined) return this.reply(503);
      this.pool = pool;
    }
    this.#bodyForwarded = 0;
    if (this.#replay !== null) this.#pending = this.#replay.chunks!.slice();
    this.#attempt();
  }

  // ---- bookkeeping ----

  #attempt(): void {
    const pool = this.pool!;
    this.#inFlight = true;
    pool.active++;
    const attemptMs = this.route!.attemptTimeoutMs;
    if (attemptMs !== Infinity) this.#attemptTimer = setTimeout(onAttemptTimeout, attemptMs, this);
    if (this.body.upgrade !== null) return this.onConnection(pool.dedicated());
    this.#waiting = true;
    pool.acquire(this);
  }

  #endAttempt(): void {
    if (!this.#inFlight) return;
    this.#inFlight = false;
    if (this.#attemptTimer !== null) {
      clearTimeout(this.#attemptTimer);
      this.#attemptTimer = null;
    }
    this.pool!.active--;
  }

  #dropUpstream(): void {
    if (this.#waiting) {
      this.#waiting = false;
      this.pool!.cancel(this);
    }
    this.#upstream?.abort();
    this.#upstream = null;
    this.#endAttempt();
  }

  #finish(): void {
    if (this.#done) return;
    this.#done = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#dropUpstream();
    this.#pending = null;
    if (this.ctx.observer !== NOOP_OBSERVER) this.#record();
    this.front.exchangeDone();
  }

  #record(): void {
    const pool = this.pool;
    this.ctx.observer.requestEnded({
      socketId: this.ctx.socketId,
      listenerId: this.route?.listenerId ?? null,
      routeId: this.route?.id ?? null,
      clusterId: pool?.clusterId ?? null,
      endpoint: pool?.label ?? null,
      method: this.head.method,
      host: this.head.host,
      path: this.head.path,
      status: this.status,
      durationMs: performance.now() - this.started,
      protocol: this.front.protocol,
      peer: this.ctx.limits.xffNumTrustedHops === 0 ? this.front.info.peer
        : clientAddress(this.head.get('x-forwarded-for'), this.front.info.peer, this.ctx.limits.xffNumTrustedHops),
      requestId: this.head.get('x-request-id') ?? null,
    });
  }
}

function onTimeout(exchange: Exchange): void {
  exchange.onTimeout();
}

function onAttemptTimeout(exchange: Exchange): void {
  exchange.onAttemptTimeout();
}

function onRetry(exchange: Exchange): void {
  exchange.retryNow();
}

/** After a 101: bytes flow both ways untouched until either side closes. */
function splice(client: Duplex, clientHead: Buffer, upstream: Duplex, upstreamHead: Buffer): void {
  if (upstreamHead.length > 0) client.write(upstreamHead);
  if (clientHead.length > 0) upstream.write(clientHead);
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
  client.pipe(upstream).pipe(client);
}
