import { pending, PENDING } from './dsl.ts';

export default pending('GatewayFrontendClientCertificateValidation', 'gateway-with-clientcertificate-validation.go', ['Gateway', 'HTTPRoute', 'GatewayFrontendClientCertificateValidation'], PENDING.https);
