import type { StatusCheck } from '../harness/scenario.ts';
import { INFRA, scenario } from './dsl.ts';

const invalidCertificateRef = (gateway: string): StatusCheck => ({
  kind: 'Gateway', name: `${INFRA}/${gateway}`, exactListeners: true,
  listeners: { https: { supportedKinds: ['HTTPRoute'], conditions: { ResolvedRefs: 'False/InvalidCertificateRef' }, attachedRoutes: 0 } },
});

export default scenario({
  name: 'GatewayInvalidTLSConfiguration', source: 'gateway-invalid-tls-configuration.go', features: ['Gateway'],
  status: [
    invalidCertificateRef('gateway-certificate-nonexistent-secret'),
    invalidCertificateRef('gateway-certificate-unsupported-group'),
    invalidCertificateRef('gateway-certificate-unsupported-kind'),
    invalidCertificateRef('gateway-certificate-malformed-secret'),
  ],
});
