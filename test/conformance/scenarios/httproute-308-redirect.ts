import { answers, INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'HTTPRoute308Redirect', source: 'httproute-308-redirect.go', group: 'extended',
  features: ['Gateway', 'HTTPRoute', 'HTTPRoute308RedirectStatusCode'],
  acceptedRoutes: [`${INFRA}/308-redirect`],
  exchanges: [answers(308, '/permanent', { redirect: { path: '/permanent' } })],
});
