import { pending, PENDING } from './dsl.ts';

export default pending('ListenerSetAllowedNamespaceNone', 'listenerset-allowed-namespace-none.go', ['Gateway', 'ListenerSet'], PENDING.harness);
