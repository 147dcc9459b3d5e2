import { INFRA, listenerSetRefused, scenario } from './dsl.ts';

export default scenario({
  name: 'ListenerSetAllowedNamespaceNone', source: 'listenerset-allowed-namespace-none.go', features: ['Gateway', 'ListenerSet'],
  status: [
    { kind: 'Gateway', name: `${INFRA}/gateway-does-not-allow-listenerset`, observedGenerationCurrent: true, conditions: { Accepted: 'True' }, attachedListenerSets: 0 },
    listenerSetRefused(`${INFRA}/listenerset-not-allowed`, 'NotAllowed'),
  ],
});
