import { acceptedOnListenerSet, answers, INFRA, reaches, readyListener, scenario, V1, V2 } from './dsl.ts';

const GATEWAY = `${INFRA}/gateway-dual-parentref` as const;
const SET = `${INFRA}/ls-dual-parentref` as const;
const BOTH = `${INFRA}/route-dual-parentref-both` as const;
const ONE = `${INFRA}/route-dual-parentref-one` as const;

export default scenario({
  name: 'ListenerSetDualParentRefIndependence', source: 'listenerset-dual-parentref-independence.go', features: ['Gateway', 'ListenerSet', 'HTTPRoute'],
  gateway: GATEWAY,
  status: [
    { kind: 'Gateway', name: GATEWAY, observedGenerationCurrent: true, conditions: { Accepted: 'True' }, attachedListenerSets: 1 },
    { kind: 'ListenerSet', name: SET, exactListeners: true, listeners: { 'ls-dual-parentref-listener': readyListener(2) } },
    // Both parentRefs accepted.
    { kind: 'HTTPRoute', name: BOTH, parent: GATEWAY, parentKind: 'Gateway', conditions: { Accepted: 'True' } },
    { kind: 'HTTPRoute', name: BOTH, parent: SET, parentKind: 'ListenerSet', conditions: { Accepted: 'True' } },
    // One of the two accepted.
    { kind: 'HTTPRoute', name: ONE, parent: GATEWAY, parentKind: 'Gateway', conditions: { Accepted: 'False/NoMatchingParent' } },
    ...acceptedOnListenerSet(SET, [ONE]),
  ],
  exchanges: [
    reaches(V1, { host: 'gw-dual.com', path: '/dualboth' }),
    reaches(V1, { host: 'ls-dual.com', path: '/dualboth' }),
    reaches(V2, { host: 'ls-dual.com', path: '/dualone' }),
    answers(404, { host: 'gw-dual.com', path: '/dualone' }),
  ],
});
