import { acceptedOnListenerSet, answers, INFRA, reaches, readyListener, scenario, V1, V2, V3 } from './dsl.ts';

const GATEWAY = `${INFRA}/gateway-with-listener-sets-test-allowed-routes` as const;
const SAME_NS_SET = `${INFRA}/listenerset-test-allowed-routes-namespaces` as const;
const CROSS_NS_SET = 'gateway-api-ls-cross-ns/listenerset-test-allowed-routes-cross-ns' as const;
const at = (host: string, path: string) => ({ host: `${host}.com`, path });

export default scenario({
  name: 'ListenerSetAllowedRoutesNamespaces', source: 'listenerset-allowed-routes-namespaces.go', features: ['Gateway', 'ListenerSet', 'HTTPRoute', 'ReferenceGrant'],
  gateway: GATEWAY,
  status: [
    { kind: 'Gateway', name: GATEWAY, observedGenerationCurrent: true, conditions: { Accepted: 'True' }, attachedListenerSets: 2 },
    // Same-namespace ListenerSet.
    ...acceptedOnListenerSet(SAME_NS_SET, [`${INFRA}/route-in-same-namespace`, 'gateway-api-routes-allowed-ns/route-in-selected-namespace', 'gateway-api-routes-not-allowed-ns/route-not-in-selected-namespace']),
    {
      kind: 'ListenerSet', name: SAME_NS_SET, exactListeners: true, listeners: {
        'listener-set-listener-allowed-routes-all': readyListener(3),
        'listener-set-listener-allowed-routes-same': readyListener(1),
        'listener-set-listener-allowed-routes-selector': readyListener(1),
      },
    },
    // Cross-namespace ListenerSet.
    ...acceptedOnListenerSet(CROSS_NS_SET, ['gateway-api-ls-cross-ns/route-in-listenerset-namespace']),
    { kind: 'HTTPRoute', name: `${INFRA}/route-in-gateway-namespace`, parent: CROSS_NS_SET, conditions: { Accepted: 'False/NotAllowedByListeners' } },
    { kind: 'ListenerSet', name: CROSS_NS_SET, exactListeners: true, listeners: { 'listener-set-listener-allowed-routes-cross-ns-same': readyListener(1) } },
  ],
  exchanges: [
    reaches(V1, at('listener-set-listener-allowed-routes-all', '/route-in-same-namespace')),
    reaches(V2, at('listener-set-listener-allowed-routes-all', '/route-in-selected-namespace')),
    reaches(V3, at('listener-set-listener-allowed-routes-all', '/route-not-in-selected-namespace')),
    reaches(V1, at('listener-set-listener-allowed-routes-same', '/route-in-same-namespace')),
    answers(404, at('listener-set-listener-allowed-routes-same', '/route-in-selected-namespace')),
    answers(404, at('listener-set-listener-allowed-routes-same', '/route-not-in-selected-namespace')),
    answers(404, at('listener-set-listener-allowed-routes-selector', '/route-in-same-namespace')),
    reaches(V2, at('listener-set-listener-allowed-routes-selector', '/route-in-selected-namespace')),
    answers(404, at('listener-set-listener-allowed-routes-selector', '/route-not-in-selected-namespace')),
    reaches(V1, at('listener-set-listener-allowed-routes-cross-ns-same', '/route-in-listenerset-namespace')),
    answers(404, at('listener-set-listener-allowed-routes-cross-ns-same', '/route-in-gateway-namespace')),
  ],
});
