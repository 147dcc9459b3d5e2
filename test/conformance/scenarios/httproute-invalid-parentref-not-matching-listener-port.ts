import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteInvalidParentRefNotMatchingListenerPort', 'httproute-invalid-parentref-not-matching-listener-port.go', ['Gateway', 'HTTPRoute', 'HTTPRouteDestinationPortMatching'], PENDING.harness);
