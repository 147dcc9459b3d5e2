import { answers, INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteRedirectPort', source: 'httproute-redirect-port.go', group: 'extended',
  features: ['Gateway', 'HTTPRoute', 'HTTPRoutePortRedirect'],
  acceptedRoutes: [`${INFRA}/redirect-port`],
  exchanges: [
    answers(302, '/port', { redirect: { port: '8083' } }),
    answers(302, '/port-and-host', { redirect: { host: 'example.org', port: '8083' } }),
    answers(301, '/port-and-status', { redirect: { port: '8083' } }),
    answers(302, '/port-and-host-and-status', { redirect: { host: 'example.org', port: '8083' } }),
  ],
});
