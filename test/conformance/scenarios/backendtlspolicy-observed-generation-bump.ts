import { pending, PENDING } from './dsl.ts';

export default pending('BackendTLSPolicyObservedGenerationBump', 'backendtlspolicy-observed-generation-bump.go', ['Gateway', 'HTTPRoute', 'BackendTLSPolicy'], PENDING.backendTls);
