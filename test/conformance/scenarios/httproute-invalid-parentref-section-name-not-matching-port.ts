import { INFRA, scenario } from './dsl.ts';

const ROUTE = `${INFRA}/httproute-listener-section-name-not-matching-port` as const;

export default scenario({
  name: 'HTTPRouteInvalidParentRefSectionNameNotMatchingPort', source: 'httproute-invalid-parentref-section-name-not-matching-port.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteParentRefPort'],
  gateway: `${INFRA}/gateway-with-one-not-matching-port-and-section-name-route`,
  status: [
    { kind: 'HTTPRoute', name: ROUTE, conditions: { Accepted: 'False/NoMatchingParent' } },
    { kind: 'HTTPRoute', name: ROUTE, noAcceptedParents: true },
    { kind: 'Gateway', name: `${INFRA}/gateway-with-one-not-matching-port-and-section-name-route`, zeroRoutes: true },
  ],
});
