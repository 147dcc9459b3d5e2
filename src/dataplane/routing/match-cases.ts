/**
 * The shared matcher conformance suite: every router implementation must give these answers
 * (hono's common.case.test idea). Expected values are route ids; undefined means 404.
 */
import type { IrSocket } from '../../ir/index.ts';
import { httpSocket, listener, route, vhost } from '../testing/ir-builder.ts';
import type { RouteRequest } from './request.ts';

export interface MatchCase {
  readonly name: string;
  readonly socket: IrSocket;
  readonly requests: ReadonlyArray<readonly [request: Partial<RouteRequest>, expected: string | undefined]>;
}

export function request(r: Partial<RouteRequest>): RouteRequest {
  return { host: 'example.com', path: '/', query: '', method: 'GET', headers: {}, ...r };
}

const one = (routes: Parameters<typeof vhost>[1]) => httpSocket([listener('http', null, [vhost('*', routes)])]);

export const MATCH_CASES: readonly MatchCase[] = [
  {
    name: 'PathPrefix matches on element boundaries',
    socket: one([route({ id: 'foo', match: { path: { type: 'PathPrefix', value: '/foo' } } })]),
    requests: [
      [{ path: '/foo' }, 'foo'], [{ path: '/foo/' }, 'foo'], [{ path: '/foo/bar' }, 'foo'],
      [{ path: '/foobar' }, undefined], [{ path: '/fo' }, undefined], [{ path: '/' }, undefined],
    ],
  },
  {
    name: 'PathPrefix ignores a trailing slash in the prefix',
    socket: one([route({ id: 'v2', match: { path: { type: 'PathPrefix', value: '/v2/' } } })]),
    requests: [[{ path: '/v2' }, 'v2'], [{ path: '/v2/' }, 'v2'], [{ path: '/v2/x' }, 'v2'], [{ path: '/v22' }, undefined]],
  },
  {
    name: 'PathPrefix / matches everything',
    socket: one([route({ id: 'all' })]),
    requests: [[{ path: '/' }, 'all'], [{ path: '/anything/at/all' }, 'all']],
  },
  {
    name: 'Exact path is case-sensitive and whole',
    socket: one([route({ id: 'exact', match: { path: { type: 'Exact', value: '/a/b' } } })]),
    requests: [[{ path: '/a/b' }, 'exact'], [{ path: '/a/b/' }, undefined], [{ path: '/A/b' }, undefined]],
  },
  {
    name: 'RegularExpression must match the whole path',
    socket: one([route({ id: 're', match: { path: { type: 'RegularExpression', value: '/api/v[0-9]+' } } })]),
    requests: [[{ path: '/api/v12' }, 're'], [{ path: '/api/v12/x' }, undefined], [{ path: '/x/api/v1' }, undefined]],
  },
  {
    name: 'routes are tried in the IR order',
    socket: one([
      route({ id: 'exact', match: { path: { type: 'Exact', value: '/p' } } }),
      route({ id: 'hdr', match: { headers: [{ name: 'x-v', type: 'Exact', value: '1' }] } }),
      route({ id: 'prefix' }),
    ]),
    requests: [[{ path: '/p', headers: { 'x-v': '1' } }, 'exact'], [{ path: '/q', headers: { 'x-v': '1' } }, 'hdr'], [{ path: '/q' }, 'prefix']],
  },
  {
    name: 'headers: case-insensitive names, exact and regex values, first match per name wins',
    socket: one([
      route({ id: 'h', match: { headers: [
        { name: 'X-Env', type: 'Exact', value: 'prod' },
        { name: 'x-env', type: 'Exact', value: 'ignored' },
        { name: 'x-ver', type: 'RegularExpression', value: 'v[12]' },
      ] } }),
    ]),
    requests: [
      [{ headers: { 'x-env': 'prod', 'x-ver': 'v2' } }, 'h'], [{ headers: { 'x-env': 'Prod', 'x-ver': 'v2' } }, undefined],
      [{ headers: { 'x-env': 'prod', 'x-ver': 'v3' } }, undefined], [{ headers: { 'x-env': 'prod' } }, undefined],
    ],
  },
  {
    name: 'query params: exact names, first value, exact and regex',
    socket: one([route({ id: 'q', match: { queryParams: [
      { name: 'a', type: 'Exact', value: '1' }, { name: 'b', type: 'RegularExpression', value: 'x+' },
    ] } })]),
    requests: [
      [{ query: 'a=1&b=xx' }, 'q'], [{ query: 'a=2&a=1&b=x' }, undefined], [{ query: 'A=1&b=x' }, undefined],
      [{ query: 'b=x&a=1&a=2' }, 'q'], [{ query: 'a=%31&b=x' }, 'q'], [{ query: '' }, undefined],
    ],
  },
  {
    name: 'method',
    socket: one([route({ id: 'post', match: { method: 'POST' } })]),
    requests: [[{ method: 'POST' }, 'post'], [{ method: 'GET' }, undefined]],
  },
  {
    name: 'listener selection: exact, longest wildcard, then catch-all; isolation',
    socket: httpSocket([
      listener('exact', 'a.example.com', [vhost('a.example.com', [route({ id: 'exact' })])]),
      listener('deep', '*.b.example.com', [vhost('*.b.example.com', [route({ id: 'deep' })])]),
      listener('wild', '*.example.com', [vhost('*.example.com', [route({ id: 'wild', match: { path: { type: 'Exact', value: '/only' } } })])]),
      listener('any', null, [vhost('*', [route({ id: 'any' })])]),
    ]),
    requests: [
      [{ host: 'a.example.com' }, 'exact'], [{ host: 'x.b.example.com' }, 'deep'], [{ host: 'y.x.b.example.com' }, 'deep'],
      [{ host: 'b.example.com', path: '/only' }, 'wild'], [{ host: 'c.d.example.com', path: '/only' }, 'wild'],
      // The wildcard listener owns the host, so its missing route is a 404 even though `any` would match.
      [{ host: 'c.example.com', path: '/other' }, undefined],
      [{ host: 'example.com' }, 'any'], [{ host: 'other.org' }, 'any'],
    ],
  },
  {
    name: 'virtual hosts within a listener, most specific first; no vhost is a 404',
    socket: httpSocket([listener('l', '*.example.com', [
      vhost('api.example.com', [route({ id: 'api' })]),
      vhost('*.example.com', [route({ id: 'rest', match: { path: { type: 'PathPrefix', value: '/x' } } })]),
    ])]),
    requests: [[{ host: 'api.example.com' }, 'api'], [{ host: 'www.example.com', path: '/x' }, 'rest'], [{ host: 'www.example.com' }, undefined]],
  },
  {
    name: 'no listener for the host is a 404',
    socket: httpSocket([listener('l', 'only.example.com', [vhost('only.example.com', [route({ id: 'r' })])])]),
    requests: [[{ host: 'only.example.com' }, 'r'], [{ host: 'example.com' }, undefined], [{ host: 'x.only.example.com' }, undefined]],
  },
];
