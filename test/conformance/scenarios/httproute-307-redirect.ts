import { answers, INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'HTTPRoute307Redirect', source: 'httproute-307-redirect.go', group: 'extended',
  features: ['Gateway', 'HTTPRoute', 'HTTPRoute307RedirectStatusCode'],
  acceptedRoutes: [`${INFRA}/307-redirect`],
  exchanges: [answers(307, '/temporary', { redirect: { path: '/temporary' } })],
});
