import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IrSessionPersistence } from '../../ir/index.ts';
import { buildRequestHead, type RequestHead } from '../http/request-head.ts';
import { EndpointPool } from './endpoint-pool.ts';
import { compileRetry, REPLAY_LIMIT_BYTES, ReplayBuffer } from './retry-policy.ts';
import { cookieValue, SessionPersistence } from './session-persistence.ts';

describe('retry policy', () => {
  it('attempts are retries after the first try; no policy for zero attempts', () => {
    assert.deepEqual(compileRetry({ codes: [500, 502], attempts: 2, backoffMs: null }), { codes: new Set([500, 502]), retries: 2, backoffMs: 25 });
    assert.equal(compileRetry({ codes: [500], attempts: 0, backoffMs: 10 }), null);
    assert.equal(compileRetry(null), null);
  });
  it('the replay copy is dropped once the body outgrows the bound', () => {
    const replay = new ReplayBuffer();
    replay.keep(Buffer.alloc(REPLAY_LIMIT_BYTES - 1));
    assert.ok(replay.usable);
    replay.keep(Buffer.alloc(2));
    assert.ok(!replay.usable);
    assert.equal(replay.chunks, null);
  });
});

const pools = [0, 1].map((i) => new EndpointPool('service/ns/s/port/80', { address: `10.0.0.${i}`, port: 80 }, { idleTimeoutMs: 1000, maxSockets: 4 }));
const head = (fields: string[]): RequestHead => {
  const h = buildRequestHead({ method: 'GET', target: '/app/x', authority: 'a.example', raw: fields, lower: fields.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase()) });
  assert.ok('path' in h);
  return h as RequestHead;
};
const persistence = (ir: Partial<IrSessionPersistence>) => new SessionPersistence<string>(
  { type: 'Cookie', name: 'sid', absoluteTimeoutMs: null, idleTimeoutMs: null, lifetime: 'Session', ...ir },
  { type: 'PathPrefix', value: '/app' }, [{ backend: 'b', pools }],
);

describe('session persistence', () => {
  it('a cookie session names its endpoint opaquely and brings the next request back to it', () => {
    const s = persistence({ lifetime: 'Permanent', absoluteTimeoutMs: 3_600_000 });
    const fields: string[] = [];
    s.addResponseField(fields, pools[1]!, false, head([]));
    assert.equal(fields[0], 'Set-Cookie');
    assert.match(fields[1]!, /^sid=[\w-]+\.\d+\.\d+\.[\w-]+; Path=\/app; Max-Age=3600; HttpOnly$/);
    assert.ok(!fields[1]!.includes('10.0.0'), 'no address in the value');
    const value = fields[1]!.slice(4, fields[1]!.indexOf(';'));
    const back = head(['Cookie', `other=1; sid=${value}`]);
    assert.equal(cookieValue(back, 'sid'), value);
    assert.equal(s.resume(back)?.pool, pools[1]);
    assert.equal(s.resume(back, Date.now() + 3_601_000), null, 'past the absolute timeout');
  });
  it('a tampered or foreign value is ignored', () => {
    const s = persistence({});
    const fields: string[] = [];
    s.addResponseField(fields, pools[0]!, false, head([]));
    const value = fields[1]!.slice(4, fields[1]!.indexOf(';'));
    const [token, issued, , mac] = value.split('.');
    assert.equal(s.resume(head(['Cookie', `sid=${token}.${issued}.9999999999.${mac}`])), null);
    assert.equal(s.resume(head(['Cookie', 'sid=10.0.0.1'])), null);
  });
  it('a header session with an idle timeout is refreshed on every response and expires when idle', () => {
    const s = persistence({ type: 'Header', name: 'X-Session', idleTimeoutMs: 10_000 });
    const first: string[] = [];
    const t0 = Date.now();
    s.addResponseField(first, pools[0]!, false, head([]), t0);
    assert.equal(first[0], 'X-Session');
    const req = head(['X-Session', first[1]!]);
    assert.equal(s.resume(req, t0 + 5_000)?.pool, pools[0]);
    assert.equal(s.resume(req, t0 + 11_000), null);
    const refreshed: string[] = [];
    s.addResponseField(refreshed, pools[0]!, true, req, t0 + 5_000);
    assert.equal(refreshed.length, 2, 'refreshed while resumed because of the idle timeout');
  });
});
