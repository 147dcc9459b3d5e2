import { answers, INFRA, scenario } from './dsl.ts';

const ROUTE = `${INFRA}/reference-grant` as const;

export default scenario({
  name: 'HTTPRouteInvalidReferenceGrant', source: 'httproute-invalid-reference-grant.go', features: ['Gateway', 'HTTPRoute', 'ReferenceGrant'],
  acceptedRoutes: [ROUTE], routesResolveRefs: false,
  status: [{ kind: 'HTTPRoute', name: ROUTE, conditions: { ResolvedRefs: 'False/RefNotPermitted' } }],
  exchanges: [answers(500, '/')],
});
