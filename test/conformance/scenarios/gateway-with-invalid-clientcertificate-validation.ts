import { INFRA, scenario } from './dsl.ts';

const refused = (resolvedRefs: string) => ({ conditions: { ResolvedRefs: `False/${resolvedRefs}`, Accepted: 'False/NoValidCACertificate', Programmed: 'False' } });

// Invalid default and per-port validation affect only the status of the listeners they apply to.
export default scenario({
  name: 'GatewayInvalidFrontendClientCertificateValidation', source: 'gateway-with-invalid-clientcertificate-validation.go',
  features: ['Gateway', 'HTTPRoute', 'ReferenceGrant', 'GatewayFrontendClientCertificateValidation'],
  status: [{
    kind: 'Gateway', name: `${INFRA}/gateway-with-invalid-client-cert-validation`,
    listeners: {
      'https': { conditions: { ResolvedRefs: 'True', Accepted: 'True', Programmed: 'True' } },
      'https-unresolved': refused('InvalidCACertificateRef'),
      'https-invalid-kind': refused('InvalidCACertificateKind'),
      'https-grant-missing': refused('RefNotPermitted'),
    },
  }],
});
