import type { StatusCheck } from '../harness/scenario.ts';
import { INFRA, reaches, scenario } from './dsl.ts';

const ROUTE = `${INFRA}/backendtlspolicy-conflict-resolution` as const;
const policy = (name: string, Accepted: string): StatusCheck => ({ kind: 'BackendTLSPolicy', name: `${INFRA}/${name}`, conditions: { Accepted } });
const accepted = (name: string) => policy(name, 'True/Accepted');
// GEP-713: of two policies on the same target (Service, or Service and sectionName), the older wins, then namespace/name order.
const conflicted = (name: string) => policy(name, 'False/Conflicted');
const ok = (path: string, sni: string) => reaches('tls-backend', { host: 'abc.example.com', path }, { expectedRequest: { sni } });

export default scenario({
  name: 'BackendTLSPolicyConflictResolution', source: 'backendtlspolicy-conflict-resolution.go', features: ['Gateway', 'HTTPRoute', 'BackendTLSPolicy'],
  acceptedRoutes: [ROUTE],
  status: [
    accepted('conflicted-without-section-name-1'),
    conflicted('conflicted-without-section-name-2'),
    accepted('conflicted-with-section-name-1'),
    conflicted('conflicted-with-section-name-2'),
    // A policy on the Service's port https-1 and one on the whole Service do not conflict; the port's wins there.
    accepted('not-conflicted-with-section-name'),
    accepted('not-conflicted-without-section-name'),
  ],
  exchanges: [
    ok('/backendtlspolicy-conflicted-without-section-name', 'other.example.com'),
    ok('/backendtlspolicy-conflicted-with-section-name', 'other.example.com'),
    ok('/backendtlspolicy-not-conflicted-with-section-name', 'other.example.com'),
    ok('/backendtlspolicy-not-conflicted-without-section-name', 'abc.example.com'),
  ],
});
