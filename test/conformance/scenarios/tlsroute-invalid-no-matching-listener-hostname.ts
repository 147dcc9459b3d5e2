import { INFRA } from './dsl.ts';
import { gw, protocolScenario, routeHas } from './dsl-protocols.ts';

const EXACT = gw('gateway-tls-exact-hostname');
const WILDCARD = gw('gateway-tls-wildcard-hostname');
const refused = { Accepted: 'False/NoMatchingListenerHostname' };

export default protocolScenario({
  name: 'TLSRouteInvalidNoMatchingListenerHostname', source: 'tlsroute-invalid-no-matching-listener-hostname.go', features: ['Gateway', 'TLSRoute'],
  status: [
    routeHas('TLSRoute', 'tlsroute-hostname-mismatch-1', EXACT, refused),
    routeHas('TLSRoute', 'tlsroute-hostname-mismatch-2', WILDCARD, refused),
    { kind: 'TLSRoute', name: `${INFRA}/tlsroute-hostname-mismatch-1`, noAcceptedParents: true },
    { kind: 'TLSRoute', name: `${INFRA}/tlsroute-hostname-mismatch-2`, noAcceptedParents: true },
    { kind: 'Gateway', name: EXACT, zeroRoutes: true },
    { kind: 'Gateway', name: WILDCARD, zeroRoutes: true },
  ],
});
