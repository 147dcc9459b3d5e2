import { pending, PENDING } from './dsl.ts';

export default pending('ListenerSetAllowedNamespaceSame', 'listenerset-allowed-namespace-same.go', ['Gateway', 'ListenerSet'], PENDING.harness);
