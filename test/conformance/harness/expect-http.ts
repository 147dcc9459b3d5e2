/**
 * One request through the gateway and the comparison the upstream suite makes (its CompareRoundTrip
 * rules, re-stated): status among the expected ones; on 200, the backend's namespace and pod prefix
 * and the request as the backend saw it (method default GET, path, host when expected, header values
 * joined with ","), response headers present/absent; on 3xx, the parts of Location that are given.
 * The configuration is already served when this runs (see cluster.ts), yet a mismatch is retried
 * briefly, as the suite's eventually-consistent requests are.
 */
import { Agent, request } from 'node:http';
import http2 from 'node:http2';
import { httpsRequest } from '../../helpers/https.ts';
import { randomUUID } from 'node:crypto';
import { sleep } from '../../helpers/wait.ts';
import { expectMirrored } from './expect-mirror.ts';
import { expectWebSocket } from './expect-websocket.ts';
import { BACKEND_CLIENT_CERTIFICATES } from './backend-tls.ts';
import { CLIENT_CERTIFICATES } from './programmatic.ts';
import type { Exchange } from './scenario.ts';
import { expectWeights } from './weighted-distribution.ts';

const RETRY_FOR_MS = 3_000;

/** A reply with every value of each header (as the suite's Go client sees them), names lowercased. */
export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string[] | undefined>;
  readonly body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

function httpRequest(url: string, options: { host?: string; method?: string; headers: Record<string, string> }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers, ...(options.host !== undefined && { host: options.host }) };
    const req = request(url, { method: options.method ?? 'GET', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headersDistinct, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end();
  });
}

/** HTTP/2 with prior knowledge over cleartext (the suite's H2CPriorKnowledgeProtocol round tripper), one session per request. */
function h2cRequest(target: { address: string; port: number }, path: string, options: { host?: string; method?: string; headers: Record<string, string> }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`http://${target.address}:${target.port}`);
    const fail = (err: Error) => { session.destroy(); reject(err); };
    session.on('error', fail);
    session.setTimeout(10_000, () => fail(new Error(`h2c timeout: ${target.address}:${target.port}${path}`)));
    const stream = session.request({
      ...Object.fromEntries(Object.entries(options.headers).map(([k, v]) => [k.toLowerCase(), v])),
      ':method': options.method ?? 'GET', ':path': path, ...(options.host !== undefined && { ':authority': options.host }),
    });
    const chunks: Buffer[] = [];
    let head: http2.IncomingHttpHeaders = {};
    stream.on('response', (h) => { head = h; });
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('error', fail);
    stream.on('end', () => {
      session.close();
      const headers = Object.fromEntries(Object.entries(head).filter(([k]) => !k.startsWith(':')).map(([k, v]) => [k, v === undefined ? v : [v].flat().map(String)]));
      resolve({ status: Number(head[':status'] ?? 0), headers, body: Buffer.concat(chunks).toString() });
    });
    stream.end();
  });
}

interface Echoed {
  namespace: string | null; pod: string; method: string; path: string; host: string | null; headers: Record<string, string | string[]>;
  tls?: { serverName: string | null; peerCertificates: string[] };
}

const joined = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : v);

/**
 * The listener a request went to: the free port the harness bound it on, and the Gateway spec's
 * upstream port it stands for (manifests.ts rewrote that listener's port, and only it, to `bound`).
 */
export interface ListenerPort { readonly bound: number; readonly upstream: number }

/** Why the reply does not match, or null when it does. */
export function mismatch(exchange: Exchange, reply: Reply, listener?: ListenerPort): string | null {
  if (exchange.tls?.fails) return reply.status === 0 ? null : `an HTTP response (${reply.status}) where the TLS connection must fail`;
  const wanted = exchange.response?.status ?? 200;
  const statuses = typeof wanted === 'number' ? [wanted] : wanted;
  if (!statuses.includes(reply.status)) return `status ${reply.status}, expected ${statuses.join(' or ')} (body: ${reply.body.slice(0, 200)})`;
  const headers = reply.headers;
  for (const [name, value] of Object.entries(exchange.response?.headers ?? {})) {
    if (joined(headers[name.toLowerCase()]) !== value) return `response header ${name}: ${JSON.stringify(headers[name.toLowerCase()])}, expected ${value}`;
  }
  for (const name of exchange.response?.absentHeaders ?? []) {
    if (headers[name.toLowerCase()] !== undefined) return `response header ${name} must be absent, got ${JSON.stringify(headers[name.toLowerCase()])}`;
  }
  const noSpace = (v: string | undefined) => v?.replace(/\s/g, '');
  for (const [name, values] of Object.entries(exchange.response?.validHeaderValues ?? {})) {
    const got = noSpace(joined(headers[name.toLowerCase()]));
    if (!values.some((v) => noSpace(v) === got)) return `response header ${name}: ${JSON.stringify(headers[name.toLowerCase()])}, expected one of ${JSON.stringify(values)}`;
  }
  if (reply.status >= 300 && reply.status < 400) return redirectMismatch(exchange, headers.location?.[0], listener);
  if (reply.status !== 200 || exchange.gatewayAnswers) return null;
  let seen: Echoed;
  try {
    seen = JSON.parse(reply.body) as Echoed;
  } catch {
    return `the body is not the echo backend's JSON: ${reply.body.slice(0, 200)}`;
  }
  const expected = exchange.expectedRequest ?? {};
  const host = expected.host ?? exchange.request.host;
  const problems = [
    seen.namespace !== (exchange.namespace ?? 'gateway-conformance-infra') && `namespace ${seen.namespace}, expected ${exchange.namespace ?? 'gateway-conformance-infra'}`,
    exchange.backend !== undefined && !seen.pod.startsWith(exchange.backend) && `answered by ${seen.pod}, expected ${exchange.backend}`,
    seen.method !== (expected.method ?? exchange.request.method ?? 'GET') && `backend saw method ${seen.method}`,
    seen.path !== (expected.path ?? exchange.request.path) && `backend saw path ${seen.path}, expected ${expected.path ?? exchange.request.path}`,
    host !== undefined && seen.host !== host && `backend saw host ${seen.host}, expected ${host}`,
    expected.sni !== undefined && seen.tls?.serverName !== expected.sni && `backend saw SNI ${seen.tls?.serverName}, expected ${expected.sni}`,
    expected.clientCertificate !== undefined && seen.tls?.peerCertificates[0]?.trim() !== clientCertificatePem(expected.clientCertificate)
      && `backend did not get the client certificate ${expected.clientCertificate}`,
    ...Object.entries(expected.headers ?? {}).map(([name, value]) => joined(seen.headers[name.toLowerCase()]) !== value
      && `backend saw header ${name}: ${JSON.stringify(seen.headers[name.toLowerCase()])}, expected ${value}`),
    ...(expected.absentHeaders ?? []).map((name) => seen.headers[name.toLowerCase()] !== undefined
      && `backend saw header ${name} (${JSON.stringify(seen.headers[name.toLowerCase()])}), expected it absent`),
    ...[exchange.backendNamedByHeader ?? []].flat().map((name) => {
      const named = seen.headers[name.toLowerCase()];
      return (!Array.isArray(named) || named.length !== 1 || !seen.pod.startsWith(named[0]!))
        && `backend saw ${name}: ${JSON.stringify(named)} (one value expected) but ${seen.pod} answered`;
    }),
  ].filter(Boolean);
  return problems.length === 0 ? null : problems.join('; ');
}

/** The PEM of a client certificate Secret the harness made (tls-checks.ts, programmatic.ts). */
function clientCertificatePem(secret: string): string | undefined {
  return (CLIENT_CERTIFICATES.get(secret) ?? BACKEND_CLIENT_CERTIFICATES.get(secret))?.certPem.trim();
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443' };

/**
 * The suite's redirect comparison for the parts given. A Location port equal to the receiving
 * listener's bound port is read as the upstream port it stands for: the data plane must put its
 * listener's port there, and the harness rewrote exactly that port in the Gateway spec. With
 * `redirect` given but no `port`, the port must be absent or the resulting scheme's default (as
 * upstream: "80 or not set" for http, "443 or not set" for https).
 */
function redirectMismatch(exchange: Exchange, location: string | undefined, listener?: ListenerPort): string | null {
  const want = exchange.redirect;
  if (!want) return null;
  if (!location) return 'a redirect without Location';
  const url = new URL(location, 'http://relative.invalid');
  const scheme = url.protocol.replace(':', '');
  // url.port is '' for the scheme's default port; the raw authority tells whether one was written.
  const written = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*:(\d+)(?:[/?#]|$)/i.exec(location)?.[1] ?? url.port;
  const port = listener !== undefined && written === String(listener.bound) ? String(listener.upstream) : written;
  const got = { scheme, host: url.hostname, port, path: url.pathname + url.search };
  const problems = (Object.keys(want) as (keyof typeof got)[]).filter((k) => want[k] !== got[k])
    .map((k) => `${k} ${JSON.stringify(got[k])}, expected ${JSON.stringify(want[k])}`);
  if (want.port === undefined && port !== '' && port !== DEFAULT_PORTS[scheme]) problems.push(`port ${JSON.stringify(port)}, expected none or ${DEFAULT_PORTS[scheme] ?? 'the default'}`);
  return problems.length === 0 ? null : `Location ${location}: ${problems.join('; ')}`;
}

function send(exchange: Exchange, target: { address: string; port: number }): Promise<Reply> {
  const { host, method, path } = exchange.request;
  const setHeaders = Object.entries(exchange.backendSetResponseHeaders ?? {}).map(([k, v]) => `${k}:${v}`).join(',');
  const headers = { ...exchange.request.headers, ...(setHeaders && { 'X-Echo-Set-Header': setHeaders }) };
  if (exchange.tls !== undefined) return sendTls(exchange, exchange.tls, target, headers);
  if (exchange.request.protocol === 'h2c') {
    return h2cRequest(target, path, { ...(host !== undefined && { host }), ...(method !== undefined && { method }), headers })
      .catch((err: Error) => ({ status: 0, headers: {}, body: err.message }) satisfies Reply);
  }
  return httpRequest(`http://${target.address}:${target.port}${path}`, { ...(host !== undefined && { host }), ...(method !== undefined && { method }), headers })
    .catch((err: Error) => ({ status: 0, headers: {}, body: err.message }) satisfies Reply);
}

/**
 * Over TLS with the given SNI (the server certificate is not verified: the suite trusts the
 * self-signed one it made; the harness's is CA-signed); a failed handshake is status 0.
 */
function sendTls(exchange: Exchange, tls: NonNullable<Exchange['tls']>, target: { address: string; port: number }, headers: Record<string, string>): Promise<Reply> {
  const client = tls.clientCertificate === undefined ? undefined : CLIENT_CERTIFICATES.get(tls.clientCertificate);
  if (tls.clientCertificate !== undefined && client === undefined) throw new Error(`no programmatic client certificate ${tls.clientCertificate}`);
  const { host, method, path } = exchange.request;
  return httpsRequest({
    address: target.address, port: target.port, servername: tls.serverName, host: host ?? tls.serverName, path, headers,
    ...(method !== undefined && { method }), ...(client !== undefined && { cert: client.certPem, key: client.keyPem }),
  }).then(
    (r): Reply => ({ status: r.status, headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, v === undefined ? v : [v].flat()])), body: r.body }),
    (err: Error): Reply => ({ status: 0, headers: {}, body: err.message }),
  );
}

/** The exchange with the query the suite adds: a request id for mirror checks (once), a fresh retry-simulation uuid (each request). */
function withQuery(exchange: Exchange, extra: Readonly<Record<string, string>>): Exchange {
  if (Object.keys(extra).length === 0) return exchange;
  const { path } = exchange.request;
  const withParams = `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams(extra).toString()}`;
  return { ...exchange, request: { ...exchange.request, path: withParams }, ...(exchange.expectedRequest?.path !== undefined && { expectedRequest: { ...exchange.expectedRequest, path: withParams } }) };
}

const retrying = (exchange: Exchange) => (exchange.retrySimulation ? withQuery(exchange, { ...exchange.retrySimulation, uuid: randomUUID() }) : exchange);

/**
 * Sends until the reply matches (briefly), then `times - 1` more that must all match; throws with
 * the mismatch. `received` (the echo logs) is needed for `mirroredTo`.
 */
export async function expectExchange(original: Exchange, target: { address: string; port: number; upstreamPort?: number }, received?: ReadonlyMap<string, readonly string[]>): Promise<void> {
  if (original.websocket) return expectWebSocket(target, original.request.path);
  const exchange = original.mirroredTo ? withQuery(original, { 'request-id': randomUUID() }) : original;
  const { host, method, path } = exchange.request;
  const what = `${method ?? 'GET'} ${host ?? ''}${path}`;
  const deadline = Date.now() + RETRY_FOR_MS;
  const listener = target.upstreamPort === undefined ? undefined : { bound: target.port, upstream: target.upstreamPort };
  for (;;) {
    const attempt = retrying(exchange);
    const problem = mismatch(attempt, await send(attempt, target), listener);
    if (problem === null) break;
    if (Date.now() > deadline) throw new Error(`${what}: ${problem}`);
    await sleep(100);
  }
  for (let i = 1; i < (exchange.times ?? 1); i++) {
    const problem = mismatch(exchange, await send(exchange, target), listener);
    if (problem !== null) throw new Error(`${what} (request ${i + 1} of ${exchange.times}): ${problem}`);
  }
  if (exchange.weights) {
    await expectWeights(exchange.weights, async () => {
      const reply = await send(exchange, target);
      const problem = mismatch(exchange, reply);
      return problem ? { problem } : { pod: (JSON.parse(reply.body) as Echoed).pod, problem: null };
    });
  }
  if (exchange.mirroredTo) {
    if (received === undefined) throw new Error('mirroredTo needs the echo logs');
    await expectMirrored(exchange, path, received, async () => mismatch(exchange, await send(exchange, target), listener));
  }
}

