import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteReferenceGrant', 'httproute-reference-grant.go', ['Gateway', 'HTTPRoute', 'ReferenceGrant'], PENDING.harness);
