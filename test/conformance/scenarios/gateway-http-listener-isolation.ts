import type { Exchange } from '../harness/scenario.ts';
import { answers, INFRA, reaches, scenario, V1 } from './dsl.ts';

const ISOLATION = `${INFRA}/http-listener-isolation` as const;
const INTERSECTION = `${INFRA}/http-listener-isolation-with-hostname-intersection` as const;
const PATHS = ['/empty-hostname', '/wildcard-example-com', '/wildcard-foo-example-com', '/abc-foo-example-com'];

/** Each host reaches only the route of its most specific listener (the path it names). */
const table = (gateway: typeof ISOLATION | typeof INTERSECTION): Exchange[] =>
  ([['bar.com', 0], ['bar.example.com', 1], ['bar.foo.example.com', 2], ['abc.foo.example.com', 3]] as const).flatMap(([host, only]) =>
    PATHS.map((path, i) => (i === only ? reaches(V1, { host, path }, { gateway }) : answers(404, { host, path }, { gateway }))));

const accepted = (gateway: typeof ISOLATION | typeof INTERSECTION, suffix: string) => [
  { kind: 'Gateway' as const, name: gateway, conditions: { Accepted: 'True', Programmed: 'True' }, everyListener: { Accepted: 'True', ResolvedRefs: 'True', Programmed: 'True' } },
  ...['empty-hostname', 'wildcard-example-com', 'wildcard-foo-example-com', 'abc-foo-example-com'].map((r) => ({
    kind: 'HTTPRoute' as const, name: `${INFRA}/attaches-to-${r}${suffix}`, parent: gateway, conditions: { Accepted: 'True/Accepted', ResolvedRefs: 'True' },
  })),
];

export default scenario({
  name: 'GatewayHTTPListenerIsolation', source: 'gateway-http-listener-isolation.go', features: ['Gateway', 'GatewayHTTPListenerIsolation', 'HTTPRoute'],
  manifests: ['tests/gateway-http-listener-isolation.yaml', 'tests/gateway-http-listener-isolation-with-hostname-intersection.yaml'],
  status: [...accepted(ISOLATION, ''), ...accepted(INTERSECTION, '-with-hostname-intersection')],
  exchanges: [...table(ISOLATION), ...table(INTERSECTION)],
});
