import { pending, PENDING } from './dsl.ts';

export default pending('ListenerSetProtocolConflict', 'listenerset-protocol-conflict.go', ['Gateway', 'ListenerSet'], PENDING.harness);
