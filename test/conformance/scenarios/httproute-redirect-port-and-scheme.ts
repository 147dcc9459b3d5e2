import { pending, PENDING } from './dsl.ts';

// Its third table sends TLS requests to an HTTPS listener on 443 (tls-validity-checks-certificate).
export default pending('HTTPRouteRedirectPortAndScheme', 'httproute-redirect-port-and-scheme.go', ['Gateway', 'HTTPRoute', 'HTTPRoutePortRedirect', 'GatewayPort8080'], PENDING.https);
