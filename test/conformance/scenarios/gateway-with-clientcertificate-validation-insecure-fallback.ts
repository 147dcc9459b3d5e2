import { INFRA, reaches, scenario, V1, V2 } from './dsl.ts';

const CLIENTS = ['tls-validity-checks-client-certificate', 'tls-validity-checks-per-port-client-certificate', undefined];
const GATEWAY = `${INFRA}/client-validation-insecure-fallback` as const;

// AllowInsecureFallback: a matching, a non-matching and no client certificate are all served.
export default scenario({
  name: 'GatewayFrontendClientCertificateValidationInsecureFallback', source: 'gateway-with-clientcertificate-validation-insecure-fallback.go',
  features: ['Gateway', 'HTTPRoute', 'GatewayFrontendClientCertificateValidation', 'GatewayFrontendClientCertificateValidationInsecureFallback'],
  gateway: GATEWAY,
  acceptedRoutes: [`${INFRA}/client-cert-validation-insecure-fallback-test`, `${INFRA}/client-cert-validation-insecure-fallback-test-no-hostname`],
  status: [{ kind: 'Gateway', name: GATEWAY, conditions: { InsecureFrontendValidationMode: 'True/ConfigurationChanged' } }],
  exchanges: CLIENTS.flatMap((client) => [
    reaches(V1, { host: 'example.org', path: '/' }, { port: 443, tls: { serverName: 'example.org', ...(client && { clientCertificate: client }) } }),
    reaches(V2, { host: 'second-example.org', path: '/' }, { port: 8443, tls: { serverName: 'second-example.org', ...(client && { clientCertificate: client }) } }),
  ]),
});
