import { gw, protocolScenario, tcpReaches } from './dsl-protocols.ts';
import { INFRA } from './dsl.ts';

const GATEWAY = gw('tcp-multi-listener-gateway');
const attached = (route: string) => ({ kind: 'TCPRoute' as const, name: `${INFRA}/${route}`, parent: GATEWAY, parentCount: 1, conditions: { Accepted: 'True/Accepted' } });

export default protocolScenario({
  name: 'TCPRouteParentRefPortAndSectionName', source: 'tcproute-parentref-port-and-section-name.go', features: ['Gateway', 'TCPRoute'],
  status: [attached('tcp-route-by-port'), attached('tcp-route-by-section'), attached('tcp-route-by-section-and-port')],
  exchanges: [tcpReaches('tcp-echo-one', 9300, { gateway: GATEWAY }), tcpReaches('tcp-echo-two', 9301, { gateway: GATEWAY }), tcpReaches('tcp-echo-three', 9302, { gateway: GATEWAY })],
});
