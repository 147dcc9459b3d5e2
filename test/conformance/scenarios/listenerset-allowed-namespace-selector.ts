import { INFRA, LISTENER_READY, listenerSetRefused, scenario } from './dsl.ts';

export default scenario({
  name: 'ListenerSetAllowedNamespaceSelector', source: 'listenerset-allowed-namespace-selector.go', features: ['Gateway', 'ListenerSet'],
  status: [
    { kind: 'Gateway', name: `${INFRA}/gateway-allows-listenerset-in-selected-namespace`, observedGenerationCurrent: true, conditions: { Accepted: 'True' }, attachedListenerSets: 1 },
    {
      kind: 'ListenerSet', name: 'gateway-api-listenerset-selector-allowed-ns/listenerset-in-selected-namespace', observedGenerationCurrent: true,
      conditions: { Accepted: 'True/Accepted', Programmed: 'True/Programmed' },
      listeners: { 'listenerset-in-selected-namespace-listener': { conditions: LISTENER_READY } },
    },
    listenerSetRefused('gateway-api-listenerset-selector-not-allowed-ns/listenerset-not-in-selected-namespace', 'NotAllowed'),
  ],
});
