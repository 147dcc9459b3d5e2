import type { StatusCheck } from '../harness/scenario.ts';
import { INFRA, scenario } from './dsl.ts';

// Each Gateway's spec.tls.backend.clientCertificateRef cannot be used: Accepted, but ResolvedRefs False with the reason.
const refused = (gateway: string, reason: string): StatusCheck => ({
  kind: 'Gateway', name: `${INFRA}/${gateway}`, observedGenerationCurrent: true, conditions: { ResolvedRefs: `False/${reason}`, Accepted: 'True/Accepted' },
});

export default scenario({
  name: 'GatewayInvalidTLSBackendConfiguration', source: 'gateway-invalid-tls-backend-configuration.go',
  features: ['Gateway', 'GatewayBackendClientCertificate', 'HTTPRoute', 'BackendTLSPolicy'],
  status: [
    refused('gateway-client-certificate-nonexistent-secret', 'InvalidClientCertificateRef'),
    refused('gateway-client-certificate-unsupported-group', 'InvalidClientCertificateRef'),
    refused('gateway-client-certificate-unsupported-kind', 'InvalidClientCertificateRef'),
    refused('gateway-client-certificate-malformed-secret', 'InvalidClientCertificateRef'),
    refused('gateway-client-certificate-missing-reference-grant', 'RefNotPermitted'),
  ],
});
