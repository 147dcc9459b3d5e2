import { INFRA, listenerSetRefused, scenario } from './dsl.ts';

export default scenario({
  name: 'ListenerSetDefaultNotAllowed', source: 'listenerset-default-not-allowed.go', features: ['Gateway', 'ListenerSet'],
  status: [
    { kind: 'Gateway', name: `${INFRA}/gateway-default-does-not-allow-listenerset`, observedGenerationCurrent: true, conditions: { Accepted: 'True' }, attachedListenerSets: 0 },
    listenerSetRefused(`${INFRA}/listenerset-default-not-allowed`, 'NotAllowed'),
  ],
});
