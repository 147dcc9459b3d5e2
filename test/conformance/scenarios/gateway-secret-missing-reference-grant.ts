import { pending, PENDING } from './dsl.ts';

export default pending('GatewaySecretMissingReferenceGrant', 'gateway-secret-missing-reference-grant.go', ['Gateway', 'ReferenceGrant'], PENDING.harness);
