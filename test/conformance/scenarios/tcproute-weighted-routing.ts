import { accepted, gw, protocolScenario } from './dsl-protocols.ts';

export default protocolScenario({
  name: 'TCPRouteWeightedRouting', source: 'tcproute-weighted-routing.go', features: ['Gateway', 'TCPRoute'],
  ...accepted('TCPRoute', gw('tcp-weighted-gateway'), ['tcp-weighted-route']),
  exchanges: [{ request: { path: '/' }, stream: {}, port: 9300, weights: { 'tcp-backend-v1': 0.7, 'tcp-backend-v2': 0.3, 'tcp-backend-v3': 0 } }],
});
