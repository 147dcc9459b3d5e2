import { SAME_NAMESPACE } from './dsl.ts';
import { accepted, GRPC_UNIMPLEMENTED, grpcAnswers, grpcReaches, protocolScenario } from './dsl-protocols.ts';

const V1 = 'grpc-infra-backend-v1';
const V2 = 'grpc-infra-backend-v2';
const to = (backend: string, metadata: Record<string, string>) => grpcReaches(backend, 'Echo', { metadata });
const unmatched = (metadata: Record<string, string>) => grpcAnswers(GRPC_UNIMPLEMENTED, 'Echo', { metadata });

export default protocolScenario({
  name: 'GRPCRouteHeaderMatching', source: 'grpcroute-header-matching.go', features: ['Gateway', 'GRPCRoute'],
  ...accepted('GRPCRoute', SAME_NAMESPACE, ['grpc-header-matching']),
  exchanges: [
    to(V1, { Version: 'one' }), to(V2, { Version: 'two' }), to(V1, { Version: 'two', Color: 'orange' }), to(V2, { Version: 'two', Color: 'blue' }),
    unmatched({ Color: 'orange' }), unmatched({ 'Some-Other-Header': 'one' }),
    to(V1, { Color: 'blue' }), to(V1, { Color: 'green' }), to(V2, { Color: 'red' }), to(V2, { Color: 'yellow' }),
    unmatched({ Color: 'purple' }),
  ],
});
