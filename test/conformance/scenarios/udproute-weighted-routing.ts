import { accepted, gw, protocolScenario } from './dsl-protocols.ts';

export default protocolScenario({
  name: 'UDPRouteWeightedRouting', source: 'udproute-weighted-routing.go', features: ['Gateway', 'UDPRoute'],
  ...accepted('UDPRoute', gw('udp-weighted-gateway'), ['udp-weighted-route']),
  exchanges: [{ request: { path: '/' }, datagram: {}, port: 5300, weights: { 'udp-backend-v1': 0.7, 'udp-backend-v2': 0.3, 'udp-backend-v3': 0 } }],
});
