import { accepted, gw, protocolScenario, routeHas } from './dsl-protocols.ts';

const GATEWAY = gw('tcp-invalid-cross-namespace-backend-ref-gateway');

export default protocolScenario({
  name: 'TCPRouteInvalidCrossNamespaceBackendRef', source: 'tcproute-invalid-cross-namespace-backend-ref.go', features: ['Gateway', 'TCPRoute', 'ReferenceGrant'],
  ...accepted('TCPRoute', GATEWAY, ['tcp-invalid-cross-namespace-backend-ref']), routesResolveRefs: false,
  status: [routeHas('TCPRoute', 'tcp-invalid-cross-namespace-backend-ref', GATEWAY, { ResolvedRefs: 'False/RefNotPermitted' })],
});
