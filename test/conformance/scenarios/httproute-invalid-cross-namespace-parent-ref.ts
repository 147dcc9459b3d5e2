import { SAME_NAMESPACE, scenario, WEB } from './dsl.ts';

const ROUTE = `${WEB}/invalid-cross-namespace-parent-ref` as const;

export default scenario({
  name: 'HTTPRouteInvalidCrossNamespaceParentRef', source: 'httproute-invalid-cross-namespace-parent-ref.go', features: ['Gateway', 'HTTPRoute'],
  status: [
    { kind: 'HTTPRoute', name: ROUTE, conditions: { ResolvedRefs: 'True', Accepted: 'False/NotAllowedByListeners' } },
    { kind: 'HTTPRoute', name: ROUTE, noAcceptedParents: true },
    { kind: 'Gateway', name: SAME_NAMESPACE, zeroRoutes: true },
  ],
});
