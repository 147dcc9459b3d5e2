import { pending, PENDING } from './dsl.ts';

export default pending('ListenerSetAllowedRoutesNamespaces', 'listenerset-allowed-routes-namespaces.go', ['Gateway', 'ListenerSet', 'HTTPRoute', 'ReferenceGrant'], PENDING.harness);
