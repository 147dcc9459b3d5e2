import { pending, PENDING } from './dsl.ts';

// Its tables expect the listeners' own ports in Location (8080; 443 over TLS with tls-validity-checks-certificate).
export default pending('HTTPRouteRedirectPortAndScheme', 'httproute-redirect-port-and-scheme.go', ['Gateway', 'HTTPRoute', 'HTTPRoutePortRedirect', 'GatewayPort8080'], PENDING.listenerPorts);
