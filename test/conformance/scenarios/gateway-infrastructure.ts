import { pending, PENDING } from './dsl.ts';

export default pending('GatewayInfrastructure', 'gateway-infrastructure.go', ['Gateway', 'GatewayInfrastructurePropagation'], PENDING.harness);
