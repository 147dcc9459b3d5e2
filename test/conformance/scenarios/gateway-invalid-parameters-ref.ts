import { pending, PENDING } from './dsl.ts';

export default pending('GatewayInvalidParametersRef', 'gateway-invalid-parameters-ref.go', ['Gateway'], PENDING.harness);
