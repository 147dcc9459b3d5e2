import { reaches, scenario, V1 } from './dsl.ts';

// HTTP/2 with prior knowledge to the gateway, and h2c on to infra-backend-v1's kubernetes.io/h2c port
// (8081 → 3001, where the echo serves HTTP/2 only). The upgrade mechanism is not tested, as upstream.
export default scenario({
  name: 'HTTPRouteBackendProtocolH2C', source: 'httproute-backend-protocol-h2c.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteBackendProtocolH2C'],
  acceptedRoutes: ['gateway-conformance-infra/backend-protocol-h2c'],
  exchanges: [reaches(V1, { path: '/', protocol: 'h2c' })],
});
