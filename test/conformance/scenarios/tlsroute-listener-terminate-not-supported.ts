// Upstream returns before any check when the implementation claims TLSRouteModeTerminate, which
// Switchyard does (TLSRouteTerminateSimpleSameNamespace runs); the manifest is still applied.
import { protocolScenario } from './dsl-protocols.ts';

export default protocolScenario({
  name: 'TLSRouteListenerTerminateNotSupported', source: 'tlsroute-listener-terminate-not-supported.go', features: ['Gateway', 'TLSRoute'],
});
