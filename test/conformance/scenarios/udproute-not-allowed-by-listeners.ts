import { gw, protocolScenario, routeHas } from './dsl-protocols.ts';

const GATEWAY = gw('udproute-tls-only-gateway');

export default protocolScenario({
  name: 'UDPRouteNotAllowedByListeners', source: 'udproute-not-allowed-by-listeners.go', features: ['Gateway', 'UDPRoute'],
  status: [routeHas('UDPRoute', 'udproute-not-allowed-by-listeners', GATEWAY, { Accepted: 'False/NotAllowedByListeners' }), { kind: 'Gateway', name: GATEWAY, zeroRoutes: true }],
});
