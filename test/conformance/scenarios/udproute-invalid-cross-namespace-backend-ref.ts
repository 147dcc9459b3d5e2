import { accepted, gw, protocolScenario, routeHas } from './dsl-protocols.ts';

const GATEWAY = gw('udp-gateway-invalid-cross-namespace-backend-ref');

export default protocolScenario({
  name: 'UDPRouteInvalidCrossNamespaceBackendRef', source: 'udproute-invalid-cross-namespace-backend-ref.go', features: ['Gateway', 'UDPRoute', 'ReferenceGrant'],
  ...accepted('UDPRoute', GATEWAY, ['udp-route-invalid-cross-namespace-backend-ref']), routesResolveRefs: false,
  status: [routeHas('UDPRoute', 'udp-route-invalid-cross-namespace-backend-ref', GATEWAY, { ResolvedRefs: 'False/RefNotPermitted' })],
});
