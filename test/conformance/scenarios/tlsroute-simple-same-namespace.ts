import { accepted, gw, protocolScenario, tlsReaches } from './dsl-protocols.ts';

export default protocolScenario({
  name: 'TLSRouteSimpleSameNamespace', source: 'tlsroute-simple-same-namespace.go', features: ['Gateway', 'TLSRoute'],
  ...accepted('TLSRoute', gw('gateway-tlsroute'), ['gateway-conformance-infra-test']),
  exchanges: [tlsReaches('tcp-backend', 443, 'abc.example.com', true)],
});
