import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteRetryConnectionError', 'httproute-retry-connection-error.go', ['Gateway', 'HTTPRoute', 'HTTPRouteRetry', 'HTTPRouteRetryConnectionError'], PENDING.retry);
