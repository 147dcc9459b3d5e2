import { answers, INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'HTTPRoute303Redirect', source: 'httproute-303-redirect.go', group: 'extended',
  features: ['Gateway', 'HTTPRoute', 'HTTPRoute303RedirectStatusCode'],
  acceptedRoutes: [`${INFRA}/303-redirect`],
  exchanges: [answers(303, { path: '/see-other', method: 'POST' }, { redirect: { path: '/see-other' } })],
});
