// Property: for random sockets (in the IR's precedence order) and random requests, the compiled
// router answers exactly as the naive reference matcher does.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import type { IrHttpMatch, IrNamedMatch } from '../../ir/index.ts';
import { httpSocket, listener, route, vhost } from '../testing/ir-builder.ts';
import { referenceRouter } from './reference-router.ts';
import { compileRouter } from './router.ts';
import { request } from './match-cases.ts';

const HOSTS = ['a.example.com', 'b.a.example.com', 'example.com', 'x.y.example.com', 'other.org'];
const PATTERNS = ['*.example.com', '*.a.example.com', 'a.example.com', 'example.com', 'other.org'];
const PATHS = ['/', '/a', '/a/', '/a/b', '/ab', '/a//b', '/b/a', '//', ''];
const PREFIXES = ['/', '/a', '/a/', '/a/b', '/b', '//'];

/** IR order: exact names first, then wildcards by length (longest first), then catch-all. */
function specificity(h: string | null): number {
  if (h === null || h === '*') return 1e6;
  return h.startsWith('*.') ? 1e3 - h.length : 0;
}
const byPrecedence = <T extends { hostname: string | null }>(xs: T[]) =>
  xs.map((x, i) => [x, i] as const).sort((a, b) => specificity(a[0].hostname) - specificity(b[0].hostname) || a[1] - b[1]).map(([x]) => x);

const named = (names: string[], values: string[]): fc.Arbitrary<IrNamedMatch> => fc.record({
  name: fc.constantFrom(...names),
  type: fc.constantFrom('Exact' as const, 'RegularExpression' as const),
  value: fc.constantFrom(...values),
});

const matchArb: fc.Arbitrary<IrHttpMatch> = fc.record({
  path: fc.oneof(
    fc.record({ type: fc.constant('PathPrefix' as const), value: fc.constantFrom(...PREFIXES) }),
    fc.record({ type: fc.constant('Exact' as const), value: fc.constantFrom(...PATHS) }),
    fc.record({ type: fc.constant('RegularExpression' as const), value: fc.constantFrom('/a.*', '/[ab]+', '.*b') }),
  ),
  headers: fc.array(named(['x-a', 'x-b'], ['1', '2', '[12]']), { maxLength: 2 }),
  queryParams: fc.array(named(['q', 'Q'], ['1', '2', '.']), { maxLength: 2 }),
  method: fc.constantFrom(null, 'GET', 'POST'),
});

const vhostArb = fc.record({ hostname: fc.constantFrom('*', ...PATTERNS), matches: fc.array(matchArb, { maxLength: 4 }) });
const listenerArb = fc.record({ hostname: fc.constantFrom(null, ...PATTERNS), vhosts: fc.array(vhostArb, { maxLength: 3 }) });

const requestArb = fc.record({
  host: fc.constantFrom(...HOSTS),
  path: fc.constantFrom(...PATHS),
  query: fc.constantFrom('', 'q=1', 'q=2&q=1', 'Q=1&q=2', 'q=%31'),
  method: fc.constantFrom('GET', 'POST'),
  headers: fc.record({ 'x-a': fc.constantFrom('1', '2', undefined), 'x-b': fc.constantFrom('1', '3', undefined) }),
});

it('compiled router agrees with the reference matcher', () => {
  let n = 0;
  fc.assert(fc.property(fc.array(listenerArb, { maxLength: 4 }), fc.array(requestArb, { minLength: 1, maxLength: 10 }), (ls, reqs) => {
    const socket = httpSocket(byPrecedence(ls).map((l, li) => listener(`l${li}`, l.hostname,
      byPrecedence(l.vhosts).map((v, vi) => vhost(v.hostname, v.matches.map((match, ri) => route({ id: `r${li}.${vi}.${ri}.${n++}`, match })))))));
    const compiled = compileRouter(socket, (r) => r.id);
    const reference = referenceRouter(socket);
    for (const r of reqs) assert.equal(compiled.match(request(r)), reference.match(request(r)), JSON.stringify(r));
  }), { numRuns: 500 });
});
