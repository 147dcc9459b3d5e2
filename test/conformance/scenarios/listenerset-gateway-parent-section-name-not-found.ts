import { pending, PENDING } from './dsl.ts';

export default pending('ListenerSetGatewayParentSectionNameNotFound', 'listenerset-gateway-parent-section-name-not-found.go', ['Gateway', 'ListenerSet', 'HTTPRoute'], PENDING.harness);
