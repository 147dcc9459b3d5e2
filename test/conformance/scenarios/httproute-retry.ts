import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteRetry', 'httproute-retry.go', ['Gateway', 'HTTPRoute', 'HTTPRouteRetry'], PENDING.retry);
