import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteHTTPSListener', 'httproute-https-listener.go', ['Gateway', 'HTTPRoute'], PENDING.https);
