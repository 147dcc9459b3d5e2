import { pending, PENDING } from './dsl.ts';

export default pending('GatewayInvalidTLSBackendConfiguration', 'gateway-invalid-tls-backend-configuration.go', ['Gateway', 'GatewayBackendClientCertificate', 'HTTPRoute', 'BackendTLSPolicy'], PENDING.backendTls);
