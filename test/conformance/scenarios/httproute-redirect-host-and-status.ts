import { answers, INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteRedirectHostAndStatus', source: 'httproute-redirect-host-and-status.go', features: ['Gateway', 'HTTPRoute'],
  acceptedRoutes: [`${INFRA}/redirect-host-and-status`],
  exchanges: [
    answers(302, '/hostname-redirect', { redirect: { host: 'example.org' } }),
    answers(301, '/host-and-status', { redirect: { host: 'example.org' } }),
  ],
});
