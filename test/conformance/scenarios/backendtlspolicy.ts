import { pending, PENDING } from './dsl.ts';

export default pending('BackendTLSPolicy', 'backendtlspolicy.go', ['Gateway', 'HTTPRoute', 'BackendTLSPolicy'], PENDING.backendTls);
