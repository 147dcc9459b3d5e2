import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteTimeoutRequest', 'httproute-timeout-request.go', ['Gateway', 'HTTPRoute', 'HTTPRouteRequestTimeout'], PENDING.harness);
