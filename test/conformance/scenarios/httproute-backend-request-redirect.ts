import { answers, INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteBackendRequestRedirect', source: 'httproute-backend-request-redirect.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteBackendRequestRedirect'],
  acceptedRoutes: [`${INFRA}/backend-request-redirect`],
  exchanges: [
    answers(302, '/full/original', { redirect: { path: '/redirected-full' } }),
    answers(302, '/prefix/original', { redirect: { path: '/redirected-prefix/original' } }),
  ],
});
