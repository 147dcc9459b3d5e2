import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteRequestHeaderModifierBackendWeights', 'httproute-request-header-modifier-backend-weights.go', ['Gateway', 'HTTPRouteBackendRequestHeaderModification', 'HTTPRoute'], PENDING.harness);
