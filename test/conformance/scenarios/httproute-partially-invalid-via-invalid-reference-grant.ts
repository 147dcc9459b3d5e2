import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRoutePartiallyInvalidViaInvalidReferenceGrant', 'httproute-partially-invalid-via-invalid-reference-grant.go', ['Gateway', 'HTTPRoute', 'ReferenceGrant'], PENDING.harness);
