import { gw, protocolScenario } from './dsl-protocols.ts';

export default protocolScenario({
  name: 'TLSRouteListenerTerminateSupportedKinds', source: 'tlsroute-listener-terminate-supported-kinds.go', features: ['Gateway', 'TLSRoute', 'TLSRouteModeTerminate'],
  status: [{
    kind: 'Gateway', name: gw('gateway-tlsroute-terminate-supported'), exactListeners: true,
    listeners: { 'tls-terminate': { supportedKinds: ['TLSRoute'], conditions: { Accepted: 'True/Accepted' }, attachedRoutes: 0 } },
  }],
});
