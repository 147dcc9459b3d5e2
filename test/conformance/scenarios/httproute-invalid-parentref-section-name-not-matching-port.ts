import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteInvalidParentRefSectionNameNotMatchingPort', 'httproute-invalid-parentref-section-name-not-matching-port.go', ['Gateway', 'HTTPRoute', 'HTTPRouteParentRefPort'], PENDING.harness);
