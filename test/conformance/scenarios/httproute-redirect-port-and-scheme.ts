import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteRedirectPortAndScheme', 'httproute-redirect-port-and-scheme.go', ['Gateway', 'HTTPRoute', 'HTTPRoutePortRedirect', 'GatewayPort8080'], PENDING.harness);
