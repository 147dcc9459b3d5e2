import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteResponseHeaderModifier', 'httproute-response-header-modifier.go', ['Gateway', 'HTTPRoute', 'HTTPRouteResponseHeaderModification'], PENDING.harness);
