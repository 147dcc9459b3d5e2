import { answers, INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteBackendRequestRedirect', source: 'httproute-backend-request-redirect.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteBackendRequestRedirect'],
  skip: {
    feature: 'HTTPRouteBackendRequestRedirect',
    reason: 'the data plane applies RequestRedirect of the rule only: a RequestRedirect on a backendRef (in the IR backend filters) is ignored and the request is proxied',
  },
  acceptedRoutes: [`${INFRA}/backend-request-redirect`],
  exchanges: [
    answers(302, '/full/original', { redirect: { path: '/redirected-full' } }),
    answers(302, '/prefix/original', { redirect: { path: '/redirected-prefix/original' } }),
  ],
});
