import { gw, protocolScenario, tcpReaches } from './dsl-protocols.ts';
import { INFRA } from './dsl.ts';

const GATEWAY = gw('tcp-attach-all-gateway');

export default protocolScenario({
  name: 'TCPRouteParentRefAttachAll', source: 'tcproute-parentref-attach-all.go', features: ['Gateway', 'TCPRoute'],
  status: [{ kind: 'TCPRoute', name: `${INFRA}/tcp-route-attach-all`, parent: GATEWAY, parentCount: 1, conditions: { Accepted: 'True/Accepted' } }],
  exchanges: [9310, 9311, 9312, 9313].map((port) => tcpReaches('tcp-echo-attach-all', port, { gateway: GATEWAY })),
});
