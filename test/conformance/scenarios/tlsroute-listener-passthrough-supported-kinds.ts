import { gw, protocolScenario } from './dsl-protocols.ts';

export default protocolScenario({
  name: 'TLSRouteListenerPassthroughSupportedKinds', source: 'tlsroute-listener-passthrough-supported-kinds.go', features: ['Gateway', 'TLSRoute'],
  status: [{
    kind: 'Gateway', name: gw('gateway-tlsroute-passthrough-supported-kind'), exactListeners: true,
    listeners: { 'tls-passthrough': { supportedKinds: ['TLSRoute'], conditions: { ResolvedRefs: 'False/InvalidRouteKinds' }, attachedRoutes: 0 } },
  }],
});
