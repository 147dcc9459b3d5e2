import { INFRA, reaches, SAME_NAMESPACE, scenario, V1, V2, V3 } from './dsl.ts';

const ALL_NAMESPACES = `${INFRA}/all-namespaces` as const;
const SHARED = `${INFRA}/multiple-gateways-shared-route` as const;

export default scenario({
  name: 'HTTPRouteMultipleGateways', source: 'httproute-multiple-gateways.go', features: ['Gateway', 'HTTPRoute'],
  // Upstream: GatewayAndHTTPRoutesMustBeAccepted for each Gateway; routes are Accepted (not required to resolve).
  acceptedRoutes: [SHARED, `${INFRA}/same-namespace-dedicated-route`], routesResolveRefs: false,
  status: [
    { kind: 'Gateway', name: ALL_NAMESPACES, conditions: { Accepted: 'True', Programmed: 'True' }, everyListener: { Accepted: 'True', ResolvedRefs: 'True', Programmed: 'True' } },
    { kind: 'HTTPRoute', name: SHARED, parent: ALL_NAMESPACES, conditions: { Accepted: 'True/Accepted' } },
    { kind: 'HTTPRoute', name: `${INFRA}/all-namespaces-dedicated-route`, parent: ALL_NAMESPACES, conditions: { Accepted: 'True/Accepted' } },
  ],
  exchanges: [
    reaches(V1, '/shared', { gateway: SAME_NAMESPACE }),
    reaches(V2, '/', { gateway: SAME_NAMESPACE }),
    reaches(V1, '/shared', { gateway: ALL_NAMESPACES }),
    reaches(V3, '/', { gateway: ALL_NAMESPACES }),
  ],
});
