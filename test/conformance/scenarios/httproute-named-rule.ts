import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteNamedRule', 'httproute-named-rule.go', ['Gateway', 'HTTPRoute', 'HTTPRouteNamedRouteRule'], PENDING.harness);
