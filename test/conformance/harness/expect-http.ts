/**
 * One request through the gateway and the comparison the upstream suite makes (its CompareRoundTrip
 * rules, re-stated): status among the expected ones; on 200, the backend's namespace and pod prefix
 * and the request as the backend saw it (method default GET, path, host when expected, header values
 * joined with ","), response headers present/absent; on 3xx, the parts of Location that are given.
 * The configuration is already served when this runs (see cluster.ts), yet a mismatch is retried
 * briefly, as the suite's eventually-consistent requests are.
 */
import { httpRequest, type Reply } from '../../helpers/http.ts';
import { sleep } from '../../helpers/wait.ts';
import type { Exchange } from './scenario.ts';

const RETRY_FOR_MS = 3_000;

interface Echoed { namespace: string | null; pod: string; method: string; path: string; host: string | null; headers: Record<string, string | string[]> }

const joined = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : v);

/** Why the reply does not match, or null when it does. */
export function mismatch(exchange: Exchange, reply: Reply): string | null {
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
  if (reply.status >= 300 && reply.status < 400) return redirectMismatch(exchange, headers.location as string | undefined);
  if (reply.status !== 200) return null;
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
    ...Object.entries(expected.headers ?? {}).map(([name, value]) => joined(seen.headers[name.toLowerCase()]) !== value
      && `backend saw header ${name}: ${JSON.stringify(seen.headers[name.toLowerCase()])}, expected ${value}`),
    ...(expected.absentHeaders ?? []).map((name) => seen.headers[name.toLowerCase()] !== undefined
      && `backend saw header ${name} (${JSON.stringify(seen.headers[name.toLowerCase()])}), expected it absent`),
  ].filter(Boolean);
  return problems.length === 0 ? null : problems.join('; ');
}

function redirectMismatch(exchange: Exchange, location: string | undefined): string | null {
  const want = exchange.redirect;
  if (!want) return null;
  if (!location) return 'a redirect without Location';
  const url = new URL(location, 'http://relative.invalid');
  const got = { scheme: url.protocol.replace(':', ''), host: url.hostname, port: url.port, path: url.pathname + url.search };
  const problems = (Object.keys(want) as (keyof typeof got)[]).filter((k) => want[k] !== got[k]);
  return problems.length === 0 ? null : `Location ${location}: ${problems.map((k) => `${k} ${JSON.stringify(got[k])}, expected ${JSON.stringify(want[k])}`).join('; ')}`;
}

/** Sends until the reply matches (briefly); throws with the last mismatch. */
export async function expectExchange(exchange: Exchange, target: { address: string; port: number }): Promise<void> {
  const { host, method, path, headers } = exchange.request;
  const url = `http://${target.address}:${target.port}${path}`;
  const deadline = Date.now() + RETRY_FOR_MS;
  for (;;) {
    const reply = await httpRequest(url, { ...(host !== undefined && { host }), ...(method !== undefined && { method }), ...(headers && { headers: { ...headers } }) })
      .catch((err: Error) => ({ status: 0, headers: {}, body: err.message }) satisfies Reply);
    const problem = mismatch(exchange, reply);
    if (problem === null) return;
    if (Date.now() > deadline) throw new Error(`${method ?? 'GET'} ${host ?? ''}${path}: ${problem}`);
    await sleep(100);
  }
}
