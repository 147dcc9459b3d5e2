// Upstream returns before any check when the implementation claims TLSRouteModeMixed, which
// Switchyard does (TLSRouteMixedTerminationSameNamespace runs); the manifest is still applied.
import { protocolScenario } from './dsl-protocols.ts';

export default protocolScenario({
  name: 'TLSRouteListenerMixedTerminationNotSupported', source: 'tlsroute-listener-mixed-termination-not-supported.go', features: ['Gateway', 'TLSRoute', 'TLSRouteModeTerminate'],
});
