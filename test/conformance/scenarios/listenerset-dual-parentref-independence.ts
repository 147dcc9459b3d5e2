import { pending, PENDING } from './dsl.ts';

export default pending('ListenerSetDualParentRefIndependence', 'listenerset-dual-parentref-independence.go', ['Gateway', 'ListenerSet', 'HTTPRoute'], PENDING.harness);
