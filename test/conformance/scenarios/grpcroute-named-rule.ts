import { SAME_NAMESPACE } from './dsl.ts';
import { accepted, grpcReaches, protocolScenario } from './dsl-protocols.ts';

export default protocolScenario({
  name: 'GRPCRouteNamedRule', source: 'grpcroute-named-rule.go', features: ['Gateway', 'GRPCRoute', 'GRPCRouteNamedRouteRule'],
  ...accepted('GRPCRoute', SAME_NAMESPACE, ['grpc-named-rules']),
  exchanges: [grpcReaches('grpc-infra-backend-v1', 'Echo'), grpcReaches('grpc-infra-backend-v2', 'EchoTwo')],
});
