import { gw, protocolScenario, routeHas } from './dsl-protocols.ts';

const GATEWAY = gw('tcp-mixed-protocol-gateway');

export default protocolScenario({
  name: 'TCPRouteInvalidNonTCPListener', source: 'tcproute-invalid-non-tcp-listener.go', features: ['Gateway', 'TCPRoute'],
  status: [routeHas('TCPRoute', 'tcp-route', GATEWAY, { Accepted: 'False/NotAllowedByListeners' }), { kind: 'Gateway', name: GATEWAY, zeroRoutes: true }],
});
