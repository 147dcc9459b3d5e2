import { accepted, gw, protocolScenario, routeHas, udpReaches } from './dsl-protocols.ts';
import { APP } from './dsl.ts';

const GATEWAY = gw('udp-gateway-reference-grant');

export default protocolScenario({
  name: 'UDPRouteReferenceGrant', source: 'udproute-reference-grant.go', features: ['Gateway', 'UDPRoute', 'ReferenceGrant'],
  ...accepted('UDPRoute', GATEWAY, ['udp-route-reference-grant']),
  exchanges: [udpReaches('udp-echo-reference-grant', 5300, { namespace: APP })],
  then: [{
    edit: (objects) => { objects.splice(objects.findIndex((o) => o.kind === 'ReferenceGrant' && o.metadata.name === 'udp-reference-grant'), 1); },
    status: [routeHas('UDPRoute', 'udp-route-reference-grant', GATEWAY, { ResolvedRefs: 'False/RefNotPermitted' })],
  }],
});
