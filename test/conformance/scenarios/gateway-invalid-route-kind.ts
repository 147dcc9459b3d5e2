import { pending, PENDING } from './dsl.ts';

export default pending('GatewayInvalidRouteKind', 'gateway-invalid-route-kind.go', ['Gateway'], PENDING.harness);
