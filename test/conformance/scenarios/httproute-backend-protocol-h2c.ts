import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteBackendProtocolH2C', 'httproute-backend-protocol-h2c.go', ['Gateway', 'HTTPRoute', 'HTTPRouteBackendProtocolH2C'], PENDING.h2c);
