import { pending, PENDING } from './dsl.ts';

export default pending('GatewayInvalidFrontendClientCertificateValidation', 'gateway-with-invalid-clientcertificate-validation.go', ['Gateway', 'HTTPRoute', 'ReferenceGrant', 'GatewayFrontendClientCertificateValidation'], PENDING.https);
