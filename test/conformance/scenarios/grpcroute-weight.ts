import { SAME_NAMESPACE } from './dsl.ts';
import { accepted, protocolScenario } from './dsl-protocols.ts';

export default protocolScenario({
  name: 'GRPCRouteWeight', source: 'grpcroute-weight.go', features: ['Gateway', 'GRPCRoute'],
  ...accepted('GRPCRoute', SAME_NAMESPACE, ['weighted-backends']),
  exchanges: [{ request: { path: '/' }, grpc: { method: 'Echo' }, weights: { 'grpc-infra-backend-v1': 0.7, 'grpc-infra-backend-v2': 0.3, 'grpc-infra-backend-v3': 0 } }],
});
