import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteWeight', 'httproute-weight.go', ['Gateway', 'HTTPRoute'], PENDING.harness);
