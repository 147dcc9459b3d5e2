import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteHostnameIntersection', 'httproute-hostname-intersection.go', ['Gateway', 'HTTPRoute'], PENDING.harness);
