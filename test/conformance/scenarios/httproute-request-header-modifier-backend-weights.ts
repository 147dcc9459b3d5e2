import { INFRA, reaches, scenario } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteRequestHeaderModifierBackendWeights', source: 'httproute-request-header-modifier-backend-weights.go',
  features: ['Gateway', 'HTTPRouteBackendRequestHeaderModification', 'HTTPRoute'],
  acceptedRoutes: [`${INFRA}/request-header-modifier-backend-weights`],
  // Each backendRef sets a Backend header naming itself: 100 requests, each seen by the backend its header names.
  exchanges: [reaches('', '/', { times: 100, backendNamedByHeader: 'Backend' })],
});
