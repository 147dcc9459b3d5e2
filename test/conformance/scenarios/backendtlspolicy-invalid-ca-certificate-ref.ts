import type { Exchange, StatusCheck } from '../harness/scenario.ts';
import { answers, INFRA, scenario } from './dsl.ts';

// A policy whose only CA ref names a missing ConfigMap, or one without ca.crt: refused, and the backend it targets unreachable.
const POLICIES = ['nonexistent-ca-certificate-ref', 'malformed-ca-certificate-ref'];
const refused = (name: string): StatusCheck => ({
  kind: 'BackendTLSPolicy', name: `${INFRA}/${name}`, conditions: { Accepted: 'False/NoValidCACertificate', ResolvedRefs: 'False/InvalidCACertificateRef' },
});
// The suite's MakeRequestAndExpectEventuallyConsistentResponse with StatusCodes 500, 502, 503.
const fails = (name: string): Exchange => answers([500, 502, 503], { host: 'abc.example.com', path: `/backendtlspolicy-${name}` });

export default scenario({
  name: 'BackendTLSPolicyInvalidCACertificateRef', source: 'backendtlspolicy-invalid-ca-certificate-ref.go', features: ['Gateway', 'HTTPRoute', 'BackendTLSPolicy'],
  acceptedRoutes: [`${INFRA}/backendtlspolicy-invalid-ca-certificate-ref`],
  status: POLICIES.map(refused),
  exchanges: POLICIES.map(fails),
});
