import { pending, PENDING } from './dsl.ts';

export default pending('ListenerSetAllowedNamespaceSelector', 'listenerset-allowed-namespace-selector.go', ['Gateway', 'ListenerSet'], PENDING.harness);
