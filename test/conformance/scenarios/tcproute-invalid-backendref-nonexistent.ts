import { gw, protocolScenario, routeHas } from './dsl-protocols.ts';

export default protocolScenario({
  name: 'TCPRouteInvalidBackendRefNonexistent', source: 'tcproute-invalid-backendref-nonexistent.go', features: ['Gateway', 'TCPRoute'],
  status: [routeHas('TCPRoute', 'tcp-route-invalid-backend-ref-nonexistent', gw('tcp-gateway-invalid-backend'), { ResolvedRefs: 'False/BackendNotFound' })],
});
