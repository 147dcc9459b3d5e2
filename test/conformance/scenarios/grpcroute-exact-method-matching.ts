import { SAME_NAMESPACE } from './dsl.ts';
import { accepted, GRPC_UNIMPLEMENTED, grpcAnswers, grpcReaches, protocolScenario } from './dsl-protocols.ts';

export default protocolScenario({
  name: 'GRPCExactMethodMatching', source: 'grpcroute-exact-method-matching.go', features: ['Gateway', 'GRPCRoute'],
  ...accepted('GRPCRoute', SAME_NAMESPACE, ['exact-matching']),
  exchanges: [grpcReaches('grpc-infra-backend-v1', 'Echo'), grpcReaches('grpc-infra-backend-v2', 'EchoTwo'), grpcAnswers(GRPC_UNIMPLEMENTED, 'EchoThree')],
});
