import { answers, INFRA, reaches, scenario } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteTimeoutBackendRequest', source: 'httproute-timeout-backend-request.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteBackendTimeout'],
  acceptedRoutes: [`${INFRA}/backend-request-timeout`],
  exchanges: [reaches('', '/backend-timeout'), answers(504, '/backend-timeout?delay=1s'), reaches('', '/disable-backend-timeout?delay=1s')],
});
