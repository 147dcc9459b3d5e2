import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteRetryWithTimeouts', 'httproute-retry-with-timeouts.go', ['Gateway', 'HTTPRoute', 'HTTPRouteRetry', 'HTTPRouteRetryBackendTimeout', 'HTTPRouteRequestTimeout', 'HTTPRouteBackendTimeout'], PENDING.retry);
