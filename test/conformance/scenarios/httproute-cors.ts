import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteCORS', 'httproute-cors.go', ['Gateway', 'HTTPRoute', 'HTTPRouteCORS'], PENDING.cors);
