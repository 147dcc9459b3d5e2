import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteRequestPercentageMirror', 'httproute-request-percentage-mirror.go', ['Gateway', 'HTTPRoute', 'HTTPRouteRequestPercentageMirror'], PENDING.mirror);
