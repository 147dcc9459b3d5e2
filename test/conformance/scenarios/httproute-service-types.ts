import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteServiceTypes', 'httproute-service-types.go', ['Gateway', 'HTTPRoute'], PENDING.harness);
