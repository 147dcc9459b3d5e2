import { pending, PENDING } from './dsl.ts';

export default pending('GatewaySecretReferenceGrantSpecific', 'gateway-secret-reference-grant-specific.go', ['Gateway', 'ReferenceGrant'], PENDING.harness);
