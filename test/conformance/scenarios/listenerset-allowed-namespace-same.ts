import { INFRA, LISTENER_READY, listenerSetRefused, scenario } from './dsl.ts';

export default scenario({
  name: 'ListenerSetAllowedNamespaceSame', source: 'listenerset-allowed-namespace-same.go', features: ['Gateway', 'ListenerSet'],
  status: [
    { kind: 'Gateway', name: `${INFRA}/gateway-allows-listenerset-in-same-namespace`, observedGenerationCurrent: true, conditions: { Accepted: 'True' }, attachedListenerSets: 1 },
    {
      kind: 'ListenerSet', name: `${INFRA}/listenerset-in-same-namespace`, observedGenerationCurrent: true,
      conditions: { Accepted: 'True/Accepted', Programmed: 'True/Programmed' },
      listeners: { 'listenerset-in-same-namespace-listener': { conditions: LISTENER_READY } },
    },
    listenerSetRefused('gateway-api-listenerset-not-allowed-ns/listenerset-in-different-namespace', 'NotAllowed'),
  ],
});
