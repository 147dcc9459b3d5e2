import { INFRA, SAME_NAMESPACE, scenario } from './dsl.ts';

const ROUTE = `${INFRA}/httproute-listener-not-matching-route-port` as const;

export default scenario({
  name: 'HTTPRouteInvalidParentRefNotMatchingListenerPort', source: 'httproute-invalid-parentref-not-matching-listener-port.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteDestinationPortMatching'],
  status: [
    { kind: 'HTTPRoute', name: ROUTE, conditions: { ResolvedRefs: 'True', Accepted: 'False/NoMatchingParent' } },
    { kind: 'HTTPRoute', name: ROUTE, noAcceptedParents: true },
    { kind: 'Gateway', name: SAME_NAMESPACE, zeroRoutes: true },
  ],
});
