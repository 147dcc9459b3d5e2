import { answers, INFRA, reaches, scenario } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteTimeoutRequest', source: 'httproute-timeout-request.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteRequestTimeout'],
  acceptedRoutes: [`${INFRA}/request-timeout`],
  exchanges: [reaches('', '/request-timeout'), answers(504, '/request-timeout?delay=1s'), reaches('', '/disable-request-timeout?delay=1s')],
});
