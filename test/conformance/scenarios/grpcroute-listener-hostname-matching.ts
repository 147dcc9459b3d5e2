import { accepted, gw, GRPC_UNIMPLEMENTED, grpcAnswers, grpcReaches, protocolScenario } from './dsl-protocols.ts';

const at = (backend: string, authority: string) => grpcReaches(`grpc-infra-backend-${backend}`, 'Echo', { authority });

export default protocolScenario({
  name: 'GRPCRouteListenerHostnameMatching', source: 'grpcroute-listener-hostname-matching.go', features: ['Gateway', 'GRPCRoute'],
  ...accepted('GRPCRoute', gw('grpcroute-listener-hostname-matching'), ['backend-v1', 'backend-v2', 'backend-v3']),
  exchanges: [
    at('v1', 'bar.com'), at('v2', 'foo.bar.com'), at('v3', 'baz.bar.com'), at('v3', 'boo.bar.com'),
    at('v3', 'multiple.prefixes.bar.com'), at('v3', 'multiple.prefixes.foo.com'),
    grpcAnswers(GRPC_UNIMPLEMENTED, 'Echo', { authority: 'foo.com' }), grpcAnswers(GRPC_UNIMPLEMENTED, 'Echo', { authority: 'no.matching.host' }),
  ],
});
