import { pending, PENDING } from './dsl.ts';

export default pending('GatewayNameMaximumLength', 'gateway-name-maximum-length.go', ['Gateway'], PENDING.harness);
