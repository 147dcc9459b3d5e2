import { accepted, gw, protocolScenario, routeHas, tcpReaches } from './dsl-protocols.ts';
import { WEB } from './dsl.ts';

const GATEWAY = gw('tcp-reference-grant-gateway');

export default protocolScenario({
  name: 'TCPRouteReferenceGrant', source: 'tcproute-reference-grant.go', features: ['Gateway', 'TCPRoute', 'ReferenceGrant'],
  ...accepted('TCPRoute', GATEWAY, ['tcp-reference-grant']),
  exchanges: [tcpReaches('tcp-reference-grant-backend', 9320, { namespace: WEB })],
  then: [{
    edit: (objects) => { objects.splice(objects.findIndex((o) => o.kind === 'ReferenceGrant' && o.metadata.name === 'tcp-reference-grant'), 1); },
    status: [routeHas('TCPRoute', 'tcp-reference-grant', GATEWAY, { ResolvedRefs: 'False/RefNotPermitted' })],
  }],
});
