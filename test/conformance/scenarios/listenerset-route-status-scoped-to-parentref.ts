import { acceptedOnListenerSet, INFRA, readyListener, scenario } from './dsl.ts';

const GATEWAY = `${INFRA}/gateway-parentref` as const;
const SET = `${INFRA}/listenerset-parentref` as const;

export default scenario({
  name: 'ListenerSetRouteStatusScopedToParentRef', source: 'listenerset-route-status-scoped-to-parentref.go', features: ['Gateway', 'ListenerSet', 'HTTPRoute'],
  gateway: GATEWAY,
  status: [
    { kind: 'Gateway', name: GATEWAY, observedGenerationCurrent: true, conditions: { Accepted: 'True' }, attachedListenerSets: 1 },
    { kind: 'ListenerSet', name: SET, exactListeners: true, listeners: { 'listenerset-parentref-listener': readyListener(1) } },
    // A route naming only the Gateway has one parent entry, the Gateway's; one naming only the ListenerSet, the ListenerSet's.
    { kind: 'HTTPRoute', name: `${INFRA}/route-parentref-gwonly`, parent: GATEWAY, parentKind: 'Gateway', parentCount: 1, conditions: { Accepted: 'True' } },
    ...acceptedOnListenerSet(SET, [`${INFRA}/route-parentref-lsonly`]),
    { kind: 'HTTPRoute', name: `${INFRA}/route-parentref-lsonly`, parent: SET, parentKind: 'ListenerSet', parentCount: 1, conditions: { Accepted: 'True' } },
  ],
});
