import { pending, PENDING } from './dsl.ts';

export default pending('GatewayListenerUnsupportedProtocol', 'gateway-invalid-listeners-unsupported-protocol.go', ['Gateway'], PENDING.harness);
