import { accepted, gw, listenerWith, protocolScenario, routeHas, tcpReaches } from './dsl-protocols.ts';
import { INFRA } from './dsl.ts';

const GATEWAY = gw('tcp-multi-route-attach-gateway');
const acceptedCondition = { Accepted: 'True/Accepted' };

export default protocolScenario({
  name: 'TCPRouteMultipleRoutesAttachment', source: 'tcproute-multiple-routes-attachment.go', features: ['Gateway', 'TCPRoute'],
  ...accepted('TCPRoute', GATEWAY, ['tcproute-attach-older']),
  then: [{
    // The suite creates the newer route a second after the older one; the API server stamps it later.
    edit: (objects) => {
      objects.push({
        apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind: 'TCPRoute',
        metadata: { name: 'tcproute-attach-newer', namespace: INFRA, creationTimestamp: '2099-01-01T00:00:00Z' },
        spec: { parentRefs: [{ name: 'tcp-multi-route-attach-gateway', sectionName: 'tcp' }], rules: [{ backendRefs: [{ name: 'tcp-attach-backend-2', port: 3000 }] }] },
      });
    },
    status: [
      routeHas('TCPRoute', 'tcproute-attach-older', GATEWAY, acceptedCondition),
      routeHas('TCPRoute', 'tcproute-attach-newer', GATEWAY, acceptedCondition),
      { kind: 'Gateway', name: GATEWAY, exactListeners: true, listeners: { tcp: listenerWith('TCPRoute', 2) } },
    ],
    // Only the oldest route's backend is reached (the suite samples 100 connections).
    exchanges: [tcpReaches('tcp-attach-backend-1', 9310, { times: 100 })],
  }],
});
