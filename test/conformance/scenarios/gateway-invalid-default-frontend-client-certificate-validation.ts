import { pending, PENDING } from './dsl.ts';

export default pending('GatewayFrontendInvalidDefaultClientCertificateValidation', 'gateway-invalid-default-frontend-client-certificate-validation.go', ['Gateway', 'HTTPRoute', 'GatewayFrontendClientCertificateValidation'], PENDING.https);
