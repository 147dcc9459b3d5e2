import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteRequestMirror', 'httproute-request-mirror.go', ['Gateway', 'HTTPRoute', 'HTTPRouteRequestMirror'], PENDING.mirror);
