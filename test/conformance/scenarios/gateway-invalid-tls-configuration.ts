import { pending, PENDING } from './dsl.ts';

export default pending('GatewayInvalidTLSConfiguration', 'gateway-invalid-tls-configuration.go', ['Gateway'], PENDING.harness);
