import { INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'ListenerSetReferenceGrant', source: 'listenerset-reference-grant.go', features: ['Gateway', 'ListenerSet', 'ReferenceGrant'],
  status: [
    { kind: 'Gateway', name: `${INFRA}/gateway-with-listener-sets-test-reference-grant`, conditions: { Accepted: 'True' } },
    {
      kind: 'ListenerSet', name: `${INFRA}/listenerset-with-reference-grant`, observedGenerationCurrent: true, conditions: { Accepted: 'True', Programmed: 'True' },
      listeners: { 'listenerset-with-reference-grant-listener': { conditions: { ResolvedRefs: 'True' } } },
    },
    {
      kind: 'ListenerSet', name: 'gateway-api-listener-sets-test-reference-grant-ns/listenerset-without-reference-grant', observedGenerationCurrent: true,
      conditions: { Accepted: 'False/ListenersNotValid', Programmed: 'False/ListenersNotValid' },
      listeners: { 'listenerset-without-reference-grant-listener': { conditions: { ResolvedRefs: 'False/RefNotPermitted' } } },
    },
  ],
});
