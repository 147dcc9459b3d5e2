import { pending, PENDING } from './dsl.ts';

export default pending('GatewaySecretInvalidReferenceGrant', 'gateway-secret-invalid-reference-grant.go', ['Gateway', 'ReferenceGrant'], PENDING.harness);
