import { accepted, gw, protocolScenario, routeHas, tlsRefused } from './dsl-protocols.ts';

const GATEWAY = gw('gateway-tlsroute-invalid-backend-ref-nonexistent');

export default protocolScenario({
  name: 'TLSRouteInvalidBackendRefNonexistent', source: 'tlsroute-invalid-backendref-nonexistent.go', features: ['Gateway', 'TLSRoute'],
  ...accepted('TLSRoute', GATEWAY, ['invalid-backend-ref-nonexistent']), routesResolveRefs: false,
  status: [routeHas('TLSRoute', 'invalid-backend-ref-nonexistent', GATEWAY, { ResolvedRefs: 'False/BackendNotFound' })],
  exchanges: [tlsRefused(443, 'example.com')],
});
