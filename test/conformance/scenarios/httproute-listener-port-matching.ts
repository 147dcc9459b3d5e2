import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteListenerPortMatching', 'httproute-listener-port-matching.go', ['Gateway', 'HTTPRoute', 'HTTPRouteParentRefPort'], PENDING.harness);
