import { pending, PENDING } from './dsl.ts';

export default pending('BackendTLSPolicyConflictResolution', 'backendtlspolicy-conflict-resolution.go', ['Gateway', 'HTTPRoute', 'BackendTLSPolicy'], PENDING.backendTls);
