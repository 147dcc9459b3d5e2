import { gw, protocolScenario, routeHas } from './dsl-protocols.ts';

export default protocolScenario({
  name: 'UDPRouteInvalidBackendRefNonexistent', source: 'udproute-invalid-backendref-nonexistent.go', features: ['Gateway', 'UDPRoute'],
  status: [routeHas('UDPRoute', 'udp-route-invalid-backend-ref-nonexistent', gw('udp-gateway-invalid-backend'), { ResolvedRefs: 'False/BackendNotFound' })],
});
