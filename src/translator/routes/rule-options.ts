/**
 * HTTPRoute rule timeouts and retry, and HTTPRoute/GRPCRoute sessionPersistence (experimental),
 * validated and converted to the IR's milliseconds. Invalid values drop the rule (UnsupportedValue).
 */
import type { HttpRouteRule, SessionPersistence } from '../../api/index.ts';
import type { IrRetry, IrSessionPersistence, IrTimeouts } from '../../ir/index.ts';
import { LONGEST_TIMEOUT_MS, parseDuration } from './durations.ts';
import { MatchError } from './http-match.ts';

/**
 * The retry count when `attempts` is unset (the spec leaves it to the implementation): one retry
 * recovers from a single lost connection without multiplying load on a failing backend.
 */
export const DEFAULT_RETRY_ATTEMPTS = 1;
/** The session cookie or header name when `sessionName` is unset (implementation-specific). */
export const DEFAULT_SESSION_NAME = 'switchyard-session';

function duration(text: string | undefined, what: string, at: string): number | null {
  if (text === undefined) return null;
  const ms = parseDuration(text);
  if (ms === null) throw new MatchError(`${at}: ${what} ${JSON.stringify(text)} is not a Gateway API duration (e.g. 10s, 500ms, 1h)`);
  return ms;
}

/** A zero timeout means "no timeout": the longest one the data plane can set. */
const noZero = (ms: number | null) => (ms === 0 ? LONGEST_TIMEOUT_MS : ms);

export function timeouts(rule: HttpRouteRule, at: string): IrTimeouts {
  const request = duration(rule.timeouts?.request, 'timeouts.request', at);
  const backendRequest = duration(rule.timeouts?.backendRequest, 'timeouts.backendRequest', at);
  // The request timeout encompasses the backend one, which therefore must not be longer.
  if (request !== null && request !== 0 && backendRequest !== null && (backendRequest === 0 || backendRequest > request)) {
    throw new MatchError(`${at}: timeouts.backendRequest (${rule.timeouts!.backendRequest}) must not exceed timeouts.request (${rule.timeouts!.request})`);
  }
  return { requestMs: noZero(request), backendRequestMs: noZero(backendRequest) };
}

export function retry(rule: HttpRouteRule, at: string): IrRetry | null {
  const r = rule.retry;
  if (!r) return null;
  const codes = [...new Set(r.codes ?? [])].sort((a, b) => a - b);
  for (const code of codes) {
    if (!Number.isInteger(code) || code < 400 || code > 599) throw new MatchError(`${at}: retry code ${code} is not between 400 and 599`);
  }
  const attempts = r.attempts ?? DEFAULT_RETRY_ATTEMPTS;
  if (!Number.isInteger(attempts) || attempts < 1) throw new MatchError(`${at}: retry.attempts must be at least 1`);
  return { codes, attempts, backoffMs: duration(r.backoff, 'retry.backoff', at) };
}

/** Accepts the current `cookie` field and its older experimental name `cookieConfig`. */
export function sessionPersistence(sp: SessionPersistence | undefined, at: string): IrSessionPersistence | null {
  if (!sp) return null;
  const type = sp.type ?? 'Cookie';
  if (type !== 'Cookie' && type !== 'Header') throw new MatchError(`${at}: sessionPersistence type ${String(type)} is not supported`);
  const lifetime = (sp.cookie ?? sp.cookieConfig)?.lifetimeType ?? 'Session';
  if (lifetime !== 'Permanent' && lifetime !== 'Session') throw new MatchError(`${at}: cookie lifetimeType ${String(lifetime)} is not supported`);
  const absoluteTimeoutMs = duration(sp.absoluteTimeout, 'sessionPersistence.absoluteTimeout', at);
  if (type === 'Cookie' && lifetime === 'Permanent' && absoluteTimeoutMs === null) {
    throw new MatchError(`${at}: a Permanent session cookie needs absoluteTimeout`);
  }
  return {
    type,
    name: sp.sessionName ?? DEFAULT_SESSION_NAME,
    absoluteTimeoutMs,
    idleTimeoutMs: duration(sp.idleTimeout, 'sessionPersistence.idleTimeout', at),
    lifetime,
  };
}
