import { INFRA, reaches, scenario } from './dsl.ts';

const GATEWAY = `${INFRA}/gateway-tls-backend-client-certificate` as const;

// The backend requires a client certificate signed by the tls-checks CA; the Gateway presents its own.
export default scenario({
  name: 'GatewayTLSBackendClientCertificate', source: 'gateway-tls-backend-client-certificate.go',
  features: ['Gateway', 'GatewayBackendClientCertificate', 'HTTPRoute', 'BackendTLSPolicy'],
  gateway: GATEWAY,
  acceptedRoutes: [GATEWAY],
  status: [
    { kind: 'Gateway', name: GATEWAY, conditions: { ResolvedRefs: 'True/ResolvedRefs' } },
    { kind: 'BackendTLSPolicy', name: `${INFRA}/gateway-tls-backend-client-certificate-test`, conditions: { Accepted: 'True' } },
  ],
  exchanges: [
    reaches('tls-backend-with-client-cert-validation', { host: 'abc.example.com', path: '/' }, {
      expectedRequest: { sni: 'abc.example.com', clientCertificate: 'tls-checks-client-certificate' },
    }),
  ],
});
