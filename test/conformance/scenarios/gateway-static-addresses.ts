import { pending, PENDING } from './dsl.ts';

export default pending('GatewayStaticAddresses', 'gateway-static-addresses.go', ['Gateway', 'GatewayStaticAddresses'], PENDING.harness);
