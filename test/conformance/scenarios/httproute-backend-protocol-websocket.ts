import { INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteBackendProtocolWebSocket', source: 'httproute-backend-protocol-websocket.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteBackendProtocolWebSocket'],
  acceptedRoutes: [`${INFRA}/backend-protocol-ws`],
  exchanges: [{ request: { path: '/ws' }, websocket: true }],
});
