import { gw, protocolScenario, udpReaches } from './dsl-protocols.ts';
import { INFRA } from './dsl.ts';

const GATEWAY = gw('udp-attach-all-listeners-gateway');
const ready = { supportedKinds: ['UDPRoute'], conditions: { Accepted: 'True', ResolvedRefs: 'True' }, attachedRoutes: 1 };

export default protocolScenario({
  name: 'UDPRouteParentRefAttachAllListeners', source: 'udproute-parentref-attach-all-listeners.go', features: ['Gateway', 'UDPRoute'],
  status: [
    { kind: 'UDPRoute', name: `${INFRA}/udp-route-attach-all`, parent: GATEWAY, parentCount: 1, conditions: { Accepted: 'True/Accepted' } },
    { kind: 'Gateway', name: GATEWAY, exactListeners: true, listeners: { 'udp-1': ready, 'udp-2': ready, 'udp-3': ready } },
  ],
  exchanges: [5310, 5311, 5312].map((port) => udpReaches('udp-echo-attach-all', port, { gateway: GATEWAY })),
});
