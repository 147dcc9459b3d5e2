import { answers, INFRA, scenario } from './dsl.ts';

const ROUTE = `${INFRA}/invalid-backend-ref-unknown-kind` as const;

export default scenario({
  name: 'HTTPRouteInvalidBackendRefUnknownKind', source: 'httproute-invalid-backendref-unknown-kind.go', features: ['Gateway', 'HTTPRoute'],
  acceptedRoutes: [ROUTE], routesResolveRefs: false,
  status: [{ kind: 'HTTPRoute', name: ROUTE, conditions: { ResolvedRefs: 'False/InvalidKind' } }],
  exchanges: [answers(500, '/v2')],
});
