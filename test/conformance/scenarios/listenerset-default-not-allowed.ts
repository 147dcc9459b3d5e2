import { pending, PENDING } from './dsl.ts';

export default pending('ListenerSetDefaultNotAllowed', 'listenerset-default-not-allowed.go', ['Gateway', 'ListenerSet'], PENDING.harness);
