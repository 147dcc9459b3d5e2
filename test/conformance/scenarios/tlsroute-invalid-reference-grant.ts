import { accepted, gw, protocolScenario, routeHas } from './dsl-protocols.ts';

const GATEWAY = gw('gateway-tlsroute-referencegrant');

export default protocolScenario({
  name: 'TLSRouteInvalidReferenceGrant', source: 'tlsroute-invalid-reference-grant.go', features: ['Gateway', 'TLSRoute', 'ReferenceGrant'],
  ...accepted('TLSRoute', GATEWAY, ['gateway-conformance-infra-test']), routesResolveRefs: false,
  status: [routeHas('TLSRoute', 'gateway-conformance-infra-test', GATEWAY, { ResolvedRefs: 'False/RefNotPermitted' })],
});
