import { accepted, gw, listenerWith, protocolScenario, routeHas, udpReaches } from './dsl-protocols.ts';
import { INFRA } from './dsl.ts';

const GATEWAY = gw('udp-multi-route-attach-gateway');
const acceptedCondition = { Accepted: 'True/Accepted' };

export default protocolScenario({
  name: 'UDPRouteMultipleRoutesAttachment', source: 'udproute-multiple-routes-attachment.go', features: ['Gateway', 'UDPRoute'],
  ...accepted('UDPRoute', GATEWAY, ['udproute-attach-older']),
  then: [{
    // The suite creates the newer route a second after the older one; the API server stamps it later.
    edit: (objects) => {
      objects.push({
        apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind: 'UDPRoute',
        metadata: { name: 'udproute-attach-newer', namespace: INFRA, creationTimestamp: '2099-01-01T00:00:00Z' },
        spec: { parentRefs: [{ name: 'udp-multi-route-attach-gateway', sectionName: 'udp' }], rules: [{ backendRefs: [{ name: 'udp-attach-backend-2', port: 8080 }] }] },
      });
    },
    status: [
      routeHas('UDPRoute', 'udproute-attach-older', GATEWAY, acceptedCondition),
      routeHas('UDPRoute', 'udproute-attach-newer', GATEWAY, acceptedCondition),
      { kind: 'Gateway', name: GATEWAY, exactListeners: true, listeners: { udp: listenerWith('UDPRoute', 2) } },
    ],
    // Only the oldest route's backend answers (the suite sends 20 probes).
    exchanges: [udpReaches('udp-attach-backend-1', 5301, { times: 20 })],
  }],
});
