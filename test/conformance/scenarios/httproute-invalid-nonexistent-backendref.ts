import { answers, INFRA, scenario } from './dsl.ts';

const ROUTE = `${INFRA}/invalid-nonexistent-backend-ref` as const;

export default scenario({
  name: 'HTTPRouteInvalidNonExistentBackendRef', source: 'httproute-invalid-nonexistent-backendref.go', features: ['Gateway', 'HTTPRoute'],
  acceptedRoutes: [ROUTE], routesResolveRefs: false,
  status: [{ kind: 'HTTPRoute', name: ROUTE, conditions: { ResolvedRefs: 'False/BackendNotFound' } }],
  exchanges: [answers(500, '/')],
});
