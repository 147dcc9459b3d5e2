import type { StatusCheck } from '../harness/scenario.ts';
import { INFRA, SAME_NAMESPACE } from './dsl.ts';
import { accepted, grpcAnswers, grpcReaches, protocolScenario } from './dsl-protocols.ts';

/** The policy's Accepted and ResolvedRefs conditions for the same-namespace Gateway (BackendTLSPolicyMustHaveCondition). */
const policyAccepted = (name: string): StatusCheck => ({
  kind: 'BackendTLSPolicy', name: `${INFRA}/${name}`, parent: SAME_NAMESPACE, conditions: { Accepted: 'True/Accepted', ResolvedRefs: 'True/ResolvedRefs' },
});
/** The suite's MakeRequestAndExpectEventuallyConsistentFailure: any status but OK; a refused backend certificate is UNAVAILABLE here. */
const GRPC_UNAVAILABLE = 14;

export default protocolScenario({
  name: 'BackendTLSPolicyGRPCRoute', source: 'backendtlspolicy-grpcroute.go', features: ['Gateway', 'GRPCRoute', 'BackendTLSPolicy'],
  ...accepted('GRPCRoute', SAME_NAMESPACE, ['backendtlspolicy-grpcroute', 'backendtlspolicy-grpcroute-cert-mismatch']),
  status: [policyAccepted('grpc-normative-test'), policyAccepted('grpc-host-mismatch'), policyAccepted('grpc-cert-mismatch')],
  exchanges: [
    // gRPC over TLS to the echo's 8443 port, verified against the policy's CA for abc.example.com.
    grpcReaches('grpc-infra-backend-v1', 'Echo', { authority: 'abc.example.com' }),
    // The policy's hostname (mismatch.example.com) is not in the backend's certificate.
    grpcAnswers(GRPC_UNAVAILABLE, 'EchoTwo', { authority: 'abc.example.com' }),
    // The policy trusts mismatch-ca-certificate, which did not sign the backend's certificate.
    grpcAnswers(GRPC_UNAVAILABLE, 'Echo', { authority: 'cert-mismatch.example.com' }),
  ],
});
