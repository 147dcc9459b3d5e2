import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteBackendProtocolWebSocket', 'httproute-backend-protocol-websocket.go', ['Gateway', 'HTTPRoute', 'HTTPRouteBackendProtocolWebSocket'], PENDING.websocket);
