import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteHTTPSListenerDetectMisdirectedRequests', 'httproute-https-listener-detect-misdirected-requests.go', ['Gateway', 'GatewayHTTPSListenerDetectMisdirectedRequests', 'HTTPRoute'], PENDING.https);
