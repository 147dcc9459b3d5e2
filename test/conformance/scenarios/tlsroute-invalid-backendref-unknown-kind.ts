import { accepted, gw, protocolScenario, routeHas, tlsRefused } from './dsl-protocols.ts';

const GATEWAY = gw('gateway-tlsroute-invalid-backend-ref-unknown-kind');

export default protocolScenario({
  name: 'TLSRouteInvalidBackendRefUnknownKind', source: 'tlsroute-invalid-backendref-unknown-kind.go', features: ['Gateway', 'TLSRoute'],
  ...accepted('TLSRoute', GATEWAY, ['invalid-backend-ref-unknown-kind']), routesResolveRefs: false,
  status: [routeHas('TLSRoute', 'invalid-backend-ref-unknown-kind', GATEWAY, { ResolvedRefs: 'False/InvalidKind' })],
  exchanges: [tlsRefused(443, 'example.com')],
});
