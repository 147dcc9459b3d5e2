import { pending, PENDING } from './dsl.ts';

export default pending('GatewayTLSBackendClientCertificate', 'gateway-tls-backend-client-certificate.go', ['Gateway', 'GatewayBackendClientCertificate', 'HTTPRoute', 'BackendTLSPolicy'], PENDING.backendTls);
