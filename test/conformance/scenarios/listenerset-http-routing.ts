import { pending, PENDING } from './dsl.ts';

export default pending('ListenerSetHTTPRouting', 'listenerset-http-routing.go', ['Gateway', 'ListenerSet', 'HTTPRoute'], PENDING.harness);
