import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteBackendURLRewrite', 'httproute-backend-url-rewrite.go', ['Gateway', 'HTTPRoute', 'HTTPRouteBackendURLRewrite'], PENDING.harness);
