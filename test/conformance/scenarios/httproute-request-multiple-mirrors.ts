import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteRequestMultipleMirrors', 'httproute-request-multiple-mirrors.go', ['Gateway', 'HTTPRoute', 'HTTPRouteRequestMirror', 'HTTPRouteRequestMultipleMirrors'], PENDING.mirror);
