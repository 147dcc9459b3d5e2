import type { Exchange } from '../harness/scenario.ts';
import { answers, INFRA, reaches, scenario, V1, V2, V3 } from './dsl.ts';

const PATH = '/detect-misdirected-requests';

/** [SNI, Host, status or the backend that answers], as the upstream table. */
const CASES: readonly (readonly [string, string, number | string])[] = [
  ['example.org', 'example.org', V1],
  ['example.org', 'second-example.org', 421],
  ['example.org', 'unknown-example.org', 404],
  ['second-example.org', 'second-example.org', V2],
  ['second-example.org', 'example.org', 421],
  ['second-example.org', 'unknown-example.org', 421],
  ['third-example.wildcard.org', 'third-example.wildcard.org', V3],
  ['third-example.wildcard.org', 'fith-example.wildcard.org', V3],
  ['third-example.wildcard.org', 'fourth-example.wildcard.org', 421],
  ['third-example.wildcard.org', 'second-example.org', 421],
  ['third-example.wildcard.org', 'unknown-example.org', 421],
  ['fourth-example.wildcard.org', 'fourth-example.wildcard.org', V1],
  ['fourth-example.wildcard.org', 'fith-example.wildcard.org', 421],
  ['unknown-example.org', 'example.org', V1],
  ['unknown-example.org', 'unknown-example.org', 404],
];

export default scenario({
  name: 'HTTPRouteHTTPSListenerDetectMisdirectedRequests', source: 'httproute-https-listener-detect-misdirected-requests.go',
  features: ['Gateway', 'GatewayHTTPSListenerDetectMisdirectedRequests', 'HTTPRoute'],
  gateway: `${INFRA}/same-namespace-with-https-listener`,
  acceptedRoutes: [1, 2, 3, 4].map((i) => `${INFRA}/https-listener-detect-misdirected-requests-test-${i}` as const),
  exchanges: CASES.map(([serverName, host, want]): Exchange => {
    const extra = { port: 443, tls: { serverName } };
    return typeof want === 'number' ? answers(want, { host, path: PATH }, extra) : reaches(want, { host, path: PATH }, extra);
  }),
});
