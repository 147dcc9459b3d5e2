/**
 * Session persistence (experimental, GEP-1619): a request that carries a valid session goes to the
 * endpoint that served the session before, as long as that endpoint is still among the rule's
 * ready endpoints; otherwise the balancer chooses and a new session starts.
 *
 * The session value is opaque and signed: `<endpoint token>.<issued>.<last seen>.<mac>`, where the
 * endpoint token is an HMAC of (cluster id, address, port) — the client never sees an address, and
 * a forged or edited value is simply ignored. Times are seconds; `issued` bounds the session by
 * `absoluteTimeout`, `last seen` by `idleTimeout` (the value is then refreshed on every response).
 * Cookie sessions are sent with Set-Cookie (Path = the rule's path match, HttpOnly; Max-Age for a
 * Permanent lifetime), header sessions in a response header of the session's name.
 *
 * The key: SWITCHYARD_SESSION_KEY when set, else a random one made when this module first loads and
 * put in the environment, so data plane workers forked afterwards share it; sessions do not survive
 * a restart without the variable.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { IrPathMatch, IrSessionPersistence } from '../../ir/index.ts';
import type { RequestHead } from '../http/request-head.ts';
import type { EndpointPool } from './endpoint-pool.ts';

const KEY = process.env.SWITCHYARD_SESSION_KEY ??= randomBytes(32).toString('base64url');

export interface SessionEndpoint<B> {
  readonly backend: B;
  readonly pool: EndpointPool;
}

export class SessionPersistence<B> {
  readonly #ir: IrSessionPersistence;
  readonly #lowerName: string;
  readonly #cookieSuffix: string;
  readonly #endpoints = new Map<string, SessionEndpoint<B>>();
  readonly #tokens = new Map<EndpointPool, string>();

  constructor(ir: IrSessionPersistence, path: IrPathMatch, backends: readonly { readonly backend: B; readonly pools: readonly EndpointPool[] }[]) {
    this.#ir = ir;
    this.#lowerName = ir.name.toLowerCase();
    const cookiePath = path.type === 'RegularExpression' ? '/' : path.value;
    const maxAge = ir.lifetime === 'Permanent' && ir.absoluteTimeoutMs !== null ? `; Max-Age=${Math.floor(ir.absoluteTimeoutMs / 1000)}` : '';
    this.#cookieSuffix = `; Path=${cookiePath}${maxAge}; HttpOnly`;
    for (const { backend, pools } of backends) {
      for (const pool of pools) {
        const token = mac(pool.key).slice(0, 22);
        this.#tokens.set(pool, token);
        if (!this.#endpoints.has(token)) this.#endpoints.set(token, { backend, pool });
      }
    }
  }

  /** The endpoint the request's session names, when the session is valid and the endpoint still serves. */
  resume(head: RequestHead, nowMs = Date.now()): SessionEndpoint<B> | null {
    const value = this.#ir.type === 'Cookie' ? cookieValue(head, this.#ir.name) : head.get(this.#lowerName);
    if (value === undefined) return null;
    const parts = value.split('.');
    if (parts.length !== 4) return null;
    const [token, issued, seen, signature] = parts as [string, string, string, string];
    if (signature !== mac(`${token}.${issued}.${seen}`).slice(0, 22)) return null;
    const now = nowMs / 1000;
    if (this.#ir.absoluteTimeoutMs !== null && now - Number(issued) > this.#ir.absoluteTimeoutMs / 1000) return null;
    if (this.#ir.idleTimeoutMs !== null && now - Number(seen) > this.#ir.idleTimeoutMs / 1000) return null;
    return this.#endpoints.get(token) ?? null;
  }

  /**
   * Adds the session field to a response: a new session when the request had none (`resumed`
   * false), a refreshed one when an idle timeout has to be pushed forward.
   */
  addResponseField(fields: string[], pool: EndpointPool, resumed: boolean, head: RequestHead, nowMs = Date.now()): void {
    if (resumed && this.#ir.idleTimeoutMs === null) return;
    const token = this.#tokens.get(pool);
    if (token === undefined) return;
    const now = Math.floor(nowMs / 1000);
    const previous = resumed ? (this.#ir.type === 'Cookie' ? cookieValue(head, this.#ir.name) : head.get(this.#lowerName)) : undefined;
    const issued = previous?.split('.')[1] ?? String(now);
    const body = `${token}.${issued}.${now}`;
    const value = `${body}.${mac(body).slice(0, 22)}`;
    if (this.#ir.type === 'Cookie') fields.push('Set-Cookie', `${this.#ir.name}=${value}${this.#cookieSuffix}`);
    else fields.push(this.#ir.name, value);
  }
}

function mac(text: string): string {
  return createHmac('sha256', KEY).update(text).digest('base64url');
}

/** The value of cookie `name` in the request's Cookie header(s). */
export function cookieValue(head: RequestHead, name: string): string | undefined {
  for (let i = 0; i < head.lower.length; i++) {
    if (head.lower[i] !== 'cookie') continue;
    for (const pair of head.raw[2 * i + 1]!.split(';')) {
      const eq = pair.indexOf('=');
      if (eq !== -1 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
    }
  }
  return undefined;
}
