import { INFRA, SAME_NAMESPACE, scenario } from './dsl.ts';

const ROUTE = `${INFRA}/httproute-listener-not-matching-section-name` as const;

export default scenario({
  name: 'HTTPRouteInvalidParentRefNotMatchingSectionName', source: 'httproute-invalid-parentref-not-matching-section-name.go', features: ['Gateway', 'HTTPRoute'],
  status: [
    { kind: 'HTTPRoute', name: ROUTE, conditions: { Accepted: 'False/NoMatchingParent' } },
    { kind: 'HTTPRoute', name: ROUTE, noAcceptedParents: true },
    { kind: 'Gateway', name: SAME_NAMESPACE, zeroRoutes: true },
  ],
});
