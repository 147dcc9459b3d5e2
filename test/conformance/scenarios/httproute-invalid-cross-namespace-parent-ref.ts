import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteInvalidCrossNamespaceParentRef', 'httproute-invalid-cross-namespace-parent-ref.go', ['Gateway', 'HTTPRoute'], PENDING.harness);
