import { pending, PENDING } from './dsl.ts';

export default pending('ListenerSetReferenceGrant', 'listenerset-reference-grant.go', ['Gateway', 'ListenerSet', 'ReferenceGrant'], PENDING.harness);
