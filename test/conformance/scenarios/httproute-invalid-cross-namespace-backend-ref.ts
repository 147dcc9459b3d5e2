import { answers, INFRA, scenario } from './dsl.ts';

const ROUTE = `${INFRA}/invalid-cross-namespace-backend-ref` as const;

export default scenario({
  name: 'HTTPRouteInvalidCrossNamespaceBackendRef', source: 'httproute-invalid-cross-namespace-backend-ref.go', features: ['Gateway', 'HTTPRoute', 'ReferenceGrant'],
  acceptedRoutes: [ROUTE], routesResolveRefs: false,
  status: [{ kind: 'HTTPRoute', name: ROUTE, conditions: { ResolvedRefs: 'False/RefNotPermitted' } }],
  exchanges: [answers(500, '/')],
});
