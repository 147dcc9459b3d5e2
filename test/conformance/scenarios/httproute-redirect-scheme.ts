import { answers, INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteRedirectScheme', source: 'httproute-redirect-scheme.go', group: 'extended',
  features: ['Gateway', 'HTTPRoute', 'HTTPRouteSchemeRedirect'],
  acceptedRoutes: [`${INFRA}/redirect-scheme`],
  exchanges: [
    answers(302, '/scheme', { redirect: { scheme: 'https' } }),
    answers(302, '/scheme-and-host', { redirect: { scheme: 'https', host: 'example.org' } }),
    answers(301, '/scheme-and-status', { redirect: { scheme: 'https' } }),
    answers(302, '/scheme-and-host-and-status', { redirect: { scheme: 'https', host: 'example.org' } }),
  ],
});
