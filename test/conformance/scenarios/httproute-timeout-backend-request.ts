import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteTimeoutBackendRequest', 'httproute-timeout-backend-request.go', ['Gateway', 'HTTPRoute', 'HTTPRouteBackendTimeout'], PENDING.harness);
