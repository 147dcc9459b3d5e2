import { INFRA } from './dsl.ts';
import { gw, protocolScenario, routeHas } from './dsl-protocols.ts';

const HTTP_ONLY = gw('gateway-tlsroute-http-only');
const HTTPS_ONLY = gw('gateway-tlsroute-https-only');
const noAccepted = (name: string) => ({ kind: 'TLSRoute' as const, name: `${INFRA}/${name}`, noAcceptedParents: true });

export default protocolScenario({
  name: 'TLSRouteInvalidNoMatchingListener', source: 'tlsroute-invalid-no-matching-listener.go', features: ['Gateway', 'TLSRoute'],
  status: [
    routeHas('TLSRoute', 'tlsroute-not-allowed-protocol-http', HTTP_ONLY, { Accepted: 'False/NotAllowedByListeners' }),
    routeHas('TLSRoute', 'tlsroute-not-allowed-protocol-https', HTTPS_ONLY, { Accepted: 'False/NotAllowedByListeners' }),
    routeHas('TLSRoute', 'tlsroute-no-matching-section-name', gw('gateway-tlsroute-tls-passthrough-only'), { Accepted: 'False/NoMatchingParent' }),
    noAccepted('tlsroute-not-allowed-protocol-http'), noAccepted('tlsroute-not-allowed-protocol-https'), noAccepted('tlsroute-no-matching-section-name'),
    { kind: 'Gateway', name: HTTP_ONLY, zeroRoutes: true },
    { kind: 'Gateway', name: HTTPS_ONLY, zeroRoutes: true },
  ],
});
