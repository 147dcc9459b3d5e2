import { answers, INFRA, reaches, scenario, V1, V2, V3 } from './dsl.ts';

const host = (h: string) => ({ host: h, path: '/' });

export default scenario({
  name: 'HTTPRouteListenerHostnameMatching', source: 'httproute-listener-hostname-matching.go', features: ['Gateway', 'HTTPRoute'],
  gateway: `${INFRA}/httproute-listener-hostname-matching`,
  acceptedRoutes: [`${INFRA}/backend-v1`, `${INFRA}/backend-v2`, `${INFRA}/backend-v3`],
  exchanges: [
    reaches(V1, host('bar.com')),
    reaches(V2, host('foo.bar.com')),
    reaches(V3, host('baz.bar.com')),
    reaches(V3, host('boo.bar.com')),
    reaches(V3, host('multiple.prefixes.bar.com')),
    reaches(V3, host('multiple.prefixes.foo.com')),
    answers(404, host('foo.com')),
    answers(404, host('no.matching.host')),
  ],
});
