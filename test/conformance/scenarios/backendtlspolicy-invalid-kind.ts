import { pending, PENDING } from './dsl.ts';

export default pending('BackendTLSPolicyInvalidKind', 'backendtlspolicy-invalid-kind.go', ['Gateway', 'HTTPRoute', 'BackendTLSPolicy'], PENDING.backendTls);
