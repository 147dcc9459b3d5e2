import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteInvalidCrossNamespaceBackendRef', 'httproute-invalid-cross-namespace-backend-ref.go', ['Gateway', 'HTTPRoute', 'ReferenceGrant'], PENDING.harness);
