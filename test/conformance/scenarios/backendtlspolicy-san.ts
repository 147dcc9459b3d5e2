import type { StatusCheck } from '../harness/scenario.ts';
import { answers, INFRA, reaches, scenario } from './dsl.ts';

const host = 'abc.example.com';
const ok = (path: string) => reaches('tls-backend', { host, path }, { expectedRequest: { sni: host } });
// The suite's MakeRequestAndExpectFailure: anything but a 200; a refused certificate is a 502 here.
const refused = (path: string) => answers(502, { host, path });
const accepted = (name: string): StatusCheck => ({ kind: 'BackendTLSPolicy', name: `${INFRA}/${name}`, conditions: { Accepted: 'True/Accepted', ResolvedRefs: 'True/ResolvedRefs' } });

export default scenario({
  name: 'BackendTLSPolicySANValidation', source: 'backendtlspolicy-san.go', features: ['Gateway', 'HTTPRoute', 'BackendTLSPolicy', 'BackendTLSPolicySANValidation'],
  acceptedRoutes: [`${INFRA}/backendtlspolicy-san-test`],
  status: ['san-dns', 'san-dns-mismatch', 'san-uri', 'san-uri-mismatch', 'multiple-sans', 'multiple-mismatch-sans'].map(accepted),
  exchanges: [
    ok('/backendtlspolicy-san-dns'),
    refused('/backendtlspolicy-san-dns-mismatch'),
    ok('/backendtlspolicy-san-uri'),
    refused('/backendtlspolicy-san-uri-mismatch'),
    ok('/backendtlspolicy-multiple-sans'),
    refused('/backendtlspolicy-multiple-mismatch-sans'),
  ],
});
