import { gw, protocolScenario, udpReaches } from './dsl-protocols.ts';
import { INFRA } from './dsl.ts';

const GATEWAY = gw('udp-multi-listener-gateway');
const attached = (route: string) => ({ kind: 'UDPRoute' as const, name: `${INFRA}/${route}`, parent: GATEWAY, parentCount: 1, conditions: { Accepted: 'True/Accepted' } });

export default protocolScenario({
  name: 'UDPRouteParentRefPortAndSectionName', source: 'udproute-parentref-port-and-section-name.go', features: ['Gateway', 'UDPRoute'],
  status: [attached('udp-route-by-port'), attached('udp-route-by-section'), attached('udp-route-by-section-and-port')],
  exchanges: [
    udpReaches('udp-echo-by-port', 5300, { gateway: GATEWAY }), udpReaches('udp-echo-by-section', 5301, { gateway: GATEWAY }),
    udpReaches('udp-echo-by-section-and-port', 5302, { gateway: GATEWAY }),
  ],
});
