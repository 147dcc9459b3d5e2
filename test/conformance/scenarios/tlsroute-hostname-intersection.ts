// HTTPS requests through passthrough listeners to the tls-backend echo pods; the harness's TLS
// exchanges do not verify the server certificate (docs/conformance.md).
import { INFRA } from './dsl.ts';
import { gw, protocolScenario } from './dsl-protocols.ts';
import type { Exchange, StatusCheck } from '../harness/scenario.ts';

const reaches = (gateway: string, backend: string, serverName: string): Exchange => ({
  gateway: gw(gateway), port: 443, request: { host: serverName, path: '/' }, tls: { serverName }, backend,
});
const rejected = (gateway: string, serverName: string): Exchange => ({ gateway: gw(gateway), port: 443, request: { path: '/' }, tls: { serverName, fails: true } });
const acceptedOn = (gateway: string, routes: string[]): StatusCheck[] => [
  { kind: 'Gateway', name: gw(gateway), conditions: { Accepted: 'True', Programmed: 'True' }, everyListener: { Accepted: 'True', ResolvedRefs: 'True', Programmed: 'True' } },
  ...routes.map((r): StatusCheck => ({ kind: 'TLSRoute', name: `${INFRA}/${r}`, parent: gw(gateway), conditions: { Accepted: 'True/Accepted', ResolvedRefs: 'True' } })),
];
const X2 = 'gw-tlsroute-more-specific-wc-hostname-x-2';
const X3 = 'gw-tlsroute-less-specific-wc-hostname-x-3';
const X4 = 'gw-tlsroute-empty-hostname-x-4';

export default protocolScenario({
  name: 'TLSRouteHostnameIntersection', source: 'tlsroute-hostname-intersection.go', features: ['Gateway', 'TLSRoute'],
  status: [
    ...acceptedOn('gw-tlsroute-exact-hostname-x-1', ['tlsroute-more-specific-wc-hostname-x-1']),
    ...acceptedOn(X2, ['tlsroute-exact-hostname-x-2', 'tlsroute-less-specific-wc-hostname-x-2']),
    ...acceptedOn(X3, ['tlsroute-exact-hostname-x-3', 'tlsroute-more-specific-wc-hostname-x-3']),
    ...acceptedOn(X4, ['tlsroute-exact-hostname-x-4', 'tlsroute-less-specific-wc-hostname-x-4']),
  ],
  exchanges: [
    reaches('gw-tlsroute-exact-hostname-x-1', 'tls-backend', 'abc.example.com'), rejected('gw-tlsroute-exact-hostname-x-1', 'non.matching.com'),
    ...[X2, X3, X4].flatMap((g) => [reaches(g, 'tls-backend', 'abc.example.com'), reaches(g, 'tls-backend-2', 'other.example.com')]),
    rejected(X2, 'non.matching.com'), rejected(X3, 'non.matching.com'), rejected(X4, 'non.matching.org'),
  ],
});
