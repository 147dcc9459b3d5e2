import { INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'GatewayListenerUnsupportedProtocol', source: 'gateway-invalid-listeners-unsupported-protocol.go', features: ['Gateway'],
  status: [
    {
      kind: 'Gateway', name: `${INFRA}/gateway-only-unsupported-protocols`, observedGenerationCurrent: true,
      conditions: { Accepted: 'False/ListenersNotValid' }, exactListeners: true,
      listeners: { invalid: { supportedKinds: [], conditions: { Accepted: 'False/UnsupportedProtocol' }, attachedRoutes: 0 } },
    },
    {
      kind: 'Gateway', name: `${INFRA}/gateway-supported-and-unsupported-protocols`, observedGenerationCurrent: true,
      conditions: { Accepted: 'True/ListenersNotValid' }, exactListeners: true,
      listeners: {
        http: { supportedKinds: ['HTTPRoute'], conditions: { Accepted: 'True/Accepted' }, attachedRoutes: 0 },
        invalid: { supportedKinds: [], conditions: { Accepted: 'False/UnsupportedProtocol' }, attachedRoutes: 0 },
      },
    },
  ],
});
