import { pending, PENDING } from './dsl.ts';

export default [
  pending('GatewayWithAttachedRoutes', 'gateway-with-attached-routes.go', ['Gateway', 'HTTPRoute'], PENDING.harness),
  pending('GatewayWithAttachedRoutesWithPort8080', 'gateway-with-attached-routes.go', ['Gateway', 'GatewayPort8080', 'HTTPRoute'], PENDING.harness, ['tests/gateway-with-attached-routes-with-port-8080.yaml']),
];
