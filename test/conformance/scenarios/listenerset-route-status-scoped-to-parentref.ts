import { pending, PENDING } from './dsl.ts';

export default pending('ListenerSetRouteStatusScopedToParentRef', 'listenerset-route-status-scoped-to-parentref.go', ['Gateway', 'ListenerSet', 'HTTPRoute'], PENDING.harness);
