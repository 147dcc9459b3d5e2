import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteInvalidReferenceGrant', 'httproute-invalid-reference-grant.go', ['Gateway', 'HTTPRoute', 'ReferenceGrant'], PENDING.harness);
