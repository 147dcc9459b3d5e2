import { pending, PENDING } from './dsl.ts';

export default pending('GatewayFrontendClientCertificateValidationInsecureFallback', 'gateway-with-clientcertificate-validation-insecure-fallback.go', ['Gateway', 'HTTPRoute', 'GatewayFrontendClientCertificateValidation', 'GatewayFrontendClientCertificateValidationInsecureFallback'], PENDING.https);
