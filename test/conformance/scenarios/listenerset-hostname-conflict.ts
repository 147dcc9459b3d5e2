import { pending, PENDING } from './dsl.ts';

export default pending('ListenerSetHostnameConflict', 'listenerset-hostname-conflict.go', ['Gateway', 'ListenerSet'], PENDING.harness);
