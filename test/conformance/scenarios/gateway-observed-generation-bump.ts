import { pending, PENDING } from './dsl.ts';

export default pending('GatewayObservedGenerationBump', 'gateway-observed-generation-bump.go', ['Gateway'], PENDING.harness);
