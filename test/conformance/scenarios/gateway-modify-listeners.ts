import { pending, PENDING } from './dsl.ts';

export default pending('GatewayModifyListeners', 'gateway-modify-listeners.go', ['Gateway'], PENDING.harness);
