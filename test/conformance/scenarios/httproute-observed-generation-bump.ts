import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteObservedGenerationBump', 'httproute-observed-generation-bump.go', ['Gateway', 'HTTPRoute'], PENDING.harness);
