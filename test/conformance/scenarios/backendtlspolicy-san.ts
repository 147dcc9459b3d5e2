import { pending, PENDING } from './dsl.ts';

export default pending('BackendTLSPolicySANValidation', 'backendtlspolicy-san.go', ['Gateway', 'HTTPRoute', 'BackendTLSPolicy', 'BackendTLSPolicySANValidation'], PENDING.backendTls);
