import { INFRA, reaches, scenario, V1, V2 } from './dsl.ts';

const DEFAULT_CLIENT = 'tls-validity-checks-client-certificate';
const PER_PORT_CLIENT = 'tls-validity-checks-per-port-client-certificate';

// Port 443 trusts the default CA, 8443 the per-port one: each refuses the other's client certificate.
export default scenario({
  name: 'GatewayFrontendClientCertificateValidation', source: 'gateway-with-clientcertificate-validation.go',
  features: ['Gateway', 'HTTPRoute', 'GatewayFrontendClientCertificateValidation'],
  gateway: `${INFRA}/client-validation-default`,
  acceptedRoutes: [`${INFRA}/client-certificate-validation-https-test`, `${INFRA}/client-certificate-validation-https-test-no-hostname`],
  exchanges: [
    reaches(V1, { host: 'example.org', path: '/' }, { port: 443, tls: { serverName: 'example.org', clientCertificate: DEFAULT_CLIENT } }),
    reaches(V1, { host: 'example.org', path: '/' }, { port: 443, tls: { serverName: 'example.org', clientCertificate: PER_PORT_CLIENT, fails: true } }),
    reaches(V2, { host: 'second-example.org', path: '/' }, { port: 8443, tls: { serverName: 'second-example.org', clientCertificate: PER_PORT_CLIENT } }),
    reaches(V2, { host: 'second-example.org', path: '/' }, { port: 8443, tls: { serverName: 'second-example.org', clientCertificate: DEFAULT_CLIENT, fails: true } }),
  ],
});
