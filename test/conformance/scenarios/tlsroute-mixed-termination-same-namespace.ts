import { accepted, gw, listenerWith, protocolScenario, tlsReaches } from './dsl-protocols.ts';

const GATEWAY = gw('gateway-tlsroute-mixed-termination');

export default protocolScenario({
  name: 'TLSRouteMixedTerminationSameNamespace', source: 'tlsroute-mixed-termination-same-namespace.go',
  features: ['Gateway', 'TLSRoute', 'TLSRouteModeTerminate', 'TLSRouteModeMixed'],
  ...accepted('TLSRoute', GATEWAY, ['gateway-conformance-mixed-passthroughroute', 'gateway-conformance-mixed-terminateroute']),
  status: [{ kind: 'Gateway', name: GATEWAY, exactListeners: true, listeners: { 'tls-terminate': listenerWith('TLSRoute', 1), 'tls-passthrough': listenerWith('TLSRoute', 1) } }],
  exchanges: [tlsReaches('tcp-backend', 8883, 'tls.example.com', false), tlsReaches('tcp-backend', 8883, 'abc.example.com', true)],
});
