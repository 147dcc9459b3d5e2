import { answers, APP, INFRA, reaches, scenario } from './dsl.ts';

const ROUTE = `${INFRA}/invalid-reference-grant` as const;

export default scenario({
  name: 'HTTPRoutePartiallyInvalidViaInvalidReferenceGrant', source: 'httproute-partially-invalid-via-invalid-reference-grant.go',
  features: ['Gateway', 'HTTPRoute', 'ReferenceGrant'],
  acceptedRoutes: [ROUTE], routesResolveRefs: false,
  status: [{ kind: 'HTTPRoute', name: ROUTE, conditions: { ResolvedRefs: 'False/RefNotPermitted' } }],
  exchanges: [answers(500, '/v2'), reaches('app-backend-v1', '/', { namespace: APP })],
});
