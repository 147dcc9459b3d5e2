import { pending, PENDING } from './dsl.ts';

export default pending('GatewayOptionalAddressValue', 'gateway-optional-address-value.go', ['Gateway', 'GatewayAddressEmpty'], PENDING.harness);
