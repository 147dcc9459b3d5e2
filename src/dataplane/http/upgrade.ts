/**
 * Upgrade requests (WebSocket and others) on HTTP/1.1: routed and filtered like any request, then,
 * once the backend answers 101, the two sockets are spliced together. Anything else the backend
 * answers is relayed and the connection closed. These never get a ServerResponse, so every local
 * reply is written raw.
 */
import http, { type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { applyHeaderEdit } from '../filters/index.ts';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './forward-headers.ts';
import { rawLocalReply } from './local-reply.ts';
import type { ProxyContext } from './proxy.ts';
import { readRequestHead } from './request-head.ts';

const REASONS: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

export function handleUpgrade(ctx: ProxyContext, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const started = performance.now();
  socket.on('error', () => socket.destroy());
  const fail = (status: number) => {
    socket.end(rawLocalReply(status, REASONS[status] ?? ''));
    ctx.observer.requestEnded({
      socketId: ctx.socketId, listenerId: null, routeId: null, clusterId: null, endpoint: null, method: req.method ?? '',
      host: req.headers.host ?? '', path: req.url ?? '', status, durationMs: performance.now() - started,
      protocol: `HTTP/${req.httpVersion}`, peer: req.socket.remoteAddress ?? '', requestId: null,
    });
  };
  const reqHead = readRequestHead(req);
  if (reqHead === null) return fail(400);
  const route = ctx.router.match(reqHead);
  if (route === undefined) return fail(404);
  const backend = route.backends.pick();
  if (route.filters.redirect !== null || backend === undefined || backend.cluster === null) {
    return fail(route.filters.redirect !== null ? 404 : 500);
  }
  const pool = backend.cluster.pick();
  if (pool === undefined) return fail(503);
  const headers = upstreamRequestHeaders(req.rawHeaders, {
    host: backend.filters.rewrite?.hostname ?? reqHead.rawHost,
    originalHost: reqHead.rawHost,
    peer: req.socket.remoteAddress ?? '',
    proto: 'http',
    connection: req.headers.connection,
    chunked: false,
    upgrade: req.headers.upgrade ?? null,
  });
  for (const edit of backend.filters.requestHeaders) applyHeaderEdit(headers, edit);
  const rewritePath = backend.filters.rewrite?.path;
  const path = rewritePath ? rewritePath(reqHead.path) : reqHead.path;
  // A dedicated connection: after the 101 it belongs to this tunnel, never to the keep-alive pool.
  const upstream = http.request({
    host: pool.address, port: pool.port, method: reqHead.method, headers, agent: false,
    path: reqHead.query === '' ? path : `${path}?${reqHead.query}`,
  });
  upstream.on('error', () => fail(502));
  upstream.on('response', (upRes) => {
    // The backend declined the upgrade: relay its answer, then close.
    const out = downstreamResponseHeaders(upRes.rawHeaders, upRes.headers.connection);
    for (const edit of backend.filters.responseHeaders) applyHeaderEdit(out, edit);
    socket.write(statusLine(upRes) + headerBlock(out) + 'Connection: close\r\n\r\n');
    upRes.pipe(socket);
  });
  upstream.on('upgrade', (upRes, upSocket, upHead) => {
    const out = upgradeResponseHeaders(upRes.rawHeaders);
    for (const edit of backend.filters.responseHeaders) applyHeaderEdit(out, edit);
    socket.write(statusLine(upRes) + headerBlock(out) + '\r\n');
    if (upHead.length > 0) socket.write(upHead);
    if (head.length > 0) upSocket.write(head);
    upSocket.on('error', () => socket.destroy());
    socket.on('close', () => upSocket.destroy());
    upSocket.on('close', () => socket.destroy());
    socket.pipe(upSocket).pipe(socket);
  });
  upstream.end();
}

/** A 101 keeps Connection/Upgrade (they complete the handshake); other hop-by-hop headers go. */
function upgradeResponseHeaders(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const lower = raw[i]!.toLowerCase();
    if (lower === 'keep-alive' || lower === 'proxy-connection' || lower === 'transfer-encoding' || lower === 'te') continue;
    out.push(raw[i]!, raw[i + 1]!);
  }
  return out;
}

function statusLine(res: IncomingMessage): string {
  return `HTTP/1.1 ${res.statusCode} ${res.statusMessage ?? ''}\r\n`;
}

function headerBlock(flat: readonly string[]): string {
  let s = '';
  for (let i = 0; i < flat.length; i += 2) s += `${flat[i]}: ${flat[i + 1]}\r\n`;
  return s;
}
