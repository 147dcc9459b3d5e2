import { pending, PENDING } from './dsl.ts';

export default pending('GatewayHTTPListenerIsolation', 'gateway-http-listener-isolation.go', ['Gateway', 'GatewayHTTPListenerIsolation', 'HTTPRoute'], PENDING.harness, ['tests/gateway-http-listener-isolation.yaml', 'tests/gateway-http-listener-isolation-with-hostname-intersection.yaml']);
