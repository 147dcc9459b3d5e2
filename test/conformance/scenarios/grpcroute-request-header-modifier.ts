// The upstream cases list Response.Headers, but its compareResponse checks only the status, the
// method, the namespace and the pod; so does this transcription.
import { SAME_NAMESPACE } from './dsl.ts';
import { accepted, grpcReaches, protocolScenario } from './dsl-protocols.ts';

const authority = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';
const v1 = (metadata: Record<string, string>) => grpcReaches('grpc-infra-backend-v1', 'Echo', { authority, metadata });
const v2 = (metadata: Record<string, string>) => grpcReaches('grpc-infra-backend-v2', 'EchoTwo', { authority, metadata });

export default protocolScenario({
  name: 'GRPCRouteRequestHeaderModifier', source: 'grpcroute-request-header-modifier.go',
  features: ['Gateway', 'GRPCRoute', 'GRPCRouteRequestHeaderModifier'],
  ...accepted('GRPCRoute', SAME_NAMESPACE, ['grpc-request-header-modifier']),
  exchanges: [
    v1({ 'Some-Other-Header': 'this-header-should-be-set' }),
    v1({ 'Some-Other-Header': 'this-header-should-be-set', 'X-Header-Set': 'this-value-should-be-overwritten' }),
    v1({ 'Some-Other-Header': 'this-header-should-be-set', 'X-Header-Add': 'this-value-should-be-appended' }),
    v1({ 'X-Header-Remove': 'this-should-be-removed' }),
    v2({ 'X-Header-Set-2': 'set-header-2', 'X-Header-Add-2': 'add-header-2', 'X-Header-Remove-2': 'should-be-removed-2', 'Some-Other-Header': 'another-header-val' }),
    v2({ 'x-header-set-1': 'original-set-1', 'x-header-add-1': 'existing-add-1', 'x-header-remove-1': 'should-be-removed-1' }),
  ],
});
