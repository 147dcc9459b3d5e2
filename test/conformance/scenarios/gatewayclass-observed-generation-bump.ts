import { pending, PENDING } from './dsl.ts';

export default pending('GatewayClassObservedGenerationBump', 'gatewayclass-observed-generation-bump.go', ['Gateway'], PENDING.harness);
