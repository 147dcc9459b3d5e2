import { answers, INFRA, scenario } from './dsl.ts';

// The policy's only CA ref is of kind invalid.io/InvalidKind: refused, and the backend it targets unreachable.
export default scenario({
  name: 'BackendTLSPolicyInvalidKind', source: 'backendtlspolicy-invalid-kind.go', features: ['Gateway', 'HTTPRoute', 'BackendTLSPolicy'],
  acceptedRoutes: [`${INFRA}/backendtlspolicy-invalid-kind-test`],
  status: [{ kind: 'BackendTLSPolicy', name: `${INFRA}/invalid-kind`, conditions: { Accepted: 'False/NoValidCACertificate', ResolvedRefs: 'False/InvalidKind' } }],
  // The suite's MakeRequestAndExpectEventuallyConsistentResponse with StatusCodes 500, 502, 503.
  exchanges: [answers([500, 502, 503], { host: 'abc.example.com', path: '/backendtlspolicy-invalid-kind' })],
});
