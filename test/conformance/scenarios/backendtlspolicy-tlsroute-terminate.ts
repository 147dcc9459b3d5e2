import type { StatusCheck } from '../harness/scenario.ts';
import { INFRA } from './dsl.ts';
import { accepted, gw, protocolScenario, tlsReaches } from './dsl-protocols.ts';

const GATEWAY = gw('gateway-btls-tlsroute-terminate');
const policyAccepted: StatusCheck = {
  kind: 'BackendTLSPolicy', name: `${INFRA}/btls-tlsroute-terminate-test`, parent: GATEWAY, conditions: { Accepted: 'True/Accepted', ResolvedRefs: 'True/ResolvedRefs' },
};

export default protocolScenario({
  name: 'BackendTLSPolicyTLSRouteTerminate', source: 'backendtlspolicy-tlsroute-terminate.go',
  features: ['Gateway', 'TLSRoute', 'TLSRouteModeTerminate', 'BackendTLSPolicy'],
  ...accepted('TLSRoute', GATEWAY, ['backendtlspolicy-tlsroute-terminate']),
  status: [policyAccepted],
  // Terminated on the gateway (tls.example.com), then TLS again to the tcp-backend's 8443 port (the
  // manifests' Service selects app: tcp-backend) with the policy's hostname as SNI.
  exchanges: [tlsReaches('tcp-backend', 8443, 'tls.example.com', false, { stream: { tls: { serverName: 'tls.example.com' }, backendIsTLS: true, backendServerName: 'abc.example.com' } })],
});
