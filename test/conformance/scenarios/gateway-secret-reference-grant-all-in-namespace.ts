import { pending, PENDING } from './dsl.ts';

export default pending('GatewaySecretReferenceGrantAllInNamespace', 'gateway-secret-reference-grant-all-in-namespace.go', ['Gateway', 'ReferenceGrant'], PENDING.harness);
