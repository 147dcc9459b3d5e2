import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteBackendRequestRedirect', 'httproute-backend-request-redirect.go', ['Gateway', 'HTTPRoute', 'HTTPRouteBackendRequestRedirect'], PENDING.harness);
