import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteMultipleGateways', 'httproute-multiple-gateways.go', ['Gateway', 'HTTPRoute'], PENDING.harness);
