import { answers, INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteRedirectPath', source: 'httproute-redirect-path.go', group: 'extended',
  features: ['Gateway', 'HTTPRoute', 'HTTPRoutePathRedirect'],
  acceptedRoutes: [`${INFRA}/redirect-path`],
  exchanges: [
    answers(302, '/original-prefix/lemon', { redirect: { path: '/replacement-prefix/lemon' } }),
    answers(302, '/full/path/original', { redirect: { path: '/full-path-replacement' } }),
    answers(302, '/path-and-host', { redirect: { host: 'example.org', path: '/replacement-prefix' } }),
    answers(301, '/path-and-status', { redirect: { path: '/replacement-prefix' } }),
    answers(302, '/full-path-and-host', { redirect: { host: 'example.org', path: '/replacement-full' } }),
    answers(301, '/full-path-and-status', { redirect: { path: '/replacement-full' } }),
  ],
});
