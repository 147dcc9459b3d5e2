import { accepted, gw, protocolScenario, tlsReaches } from './dsl-protocols.ts';

export default protocolScenario({
  name: 'TLSRouteTerminateSimpleSameNamespace', source: 'tlsroute-terminate-simple-same-namespace.go', features: ['Gateway', 'TLSRoute', 'TLSRouteModeTerminate'],
  ...accepted('TLSRoute', gw('gateway-tlsroute-terminate'), ['tlsroute-terminated-test']),
  // Terminated on the gateway: the echo's plain port answers, with no SNI of its own.
  exchanges: [tlsReaches('tcp-backend', 8443, 'tls.example.com', false)],
});
