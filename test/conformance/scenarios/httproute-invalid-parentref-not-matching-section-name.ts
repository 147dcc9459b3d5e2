import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteInvalidParentRefNotMatchingSectionName', 'httproute-invalid-parentref-not-matching-section-name.go', ['Gateway', 'HTTPRoute'], PENDING.harness);
