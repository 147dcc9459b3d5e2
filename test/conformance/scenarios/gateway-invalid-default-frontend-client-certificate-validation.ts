import { INFRA, reaches, scenario, V1 } from './dsl.ts';

const GATEWAY = `${INFRA}/invalid-default-client-validation-config` as const;

// An unusable default CA refuses the HTTPS listener only; the HTTP listener keeps serving.
export default scenario({
  name: 'GatewayFrontendInvalidDefaultClientCertificateValidation', source: 'gateway-invalid-default-frontend-client-certificate-validation.go',
  features: ['Gateway', 'HTTPRoute', 'GatewayFrontendClientCertificateValidation'],
  gateway: GATEWAY,
  status: [{
    kind: 'Gateway', name: GATEWAY,
    listeners: {
      http: { conditions: { ResolvedRefs: 'True', Accepted: 'True', Programmed: 'True' } },
      https: { conditions: { ResolvedRefs: 'False/InvalidCACertificateRef', Accepted: 'False/NoValidCACertificate', Programmed: 'False' } },
    },
  }],
  exchanges: [
    reaches(V1, { host: 'example.org', path: '/' }),
    reaches(V1, { host: 'example.org', path: '/' }, { port: 443, tls: { serverName: 'example.org', fails: true } }),
  ],
});
