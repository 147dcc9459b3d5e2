import { pending, PENDING } from './dsl.ts';

export default pending('BackendTLSPolicyInvalidCACertificateRef', 'backendtlspolicy-invalid-ca-certificate-ref.go', ['Gateway', 'HTTPRoute', 'BackendTLSPolicy'], PENDING.backendTls);
