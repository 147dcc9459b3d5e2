import type { Exchange } from '../harness/scenario.ts';
import { acceptedOnListenerSet, answers, INFRA, reaches, readyListener, scenario, V1, V2, V3 } from './dsl.ts';

const GATEWAY = `${INFRA}/gateway-with-listener-sets-http-routing` as const;
const SET_1 = `${INFRA}/listener-set-http-routing-1` as const;
const SET_2 = `${INFRA}/listener-set-http-routing-2` as const;
const HOSTS = [
  'gateway-listener-1', 'gateway-listener-2',
  'listener-set-http-routing-1-listener-1', 'listener-set-http-routing-1-listener-2',
  'listener-set-http-routing-2-listener-1', 'listener-set-http-routing-2-listener-2',
];

/** `path` reaches `backend` on the listeners (by host) in `on`, and is a 404 on every other one. */
const only = (path: string, backend: string, on: readonly string[]): Exchange[] =>
  HOSTS.map((h) => (on.includes(h) ? reaches(backend, { host: `${h}.com`, path }) : answers(404, { host: `${h}.com`, path })));

export default scenario({
  name: 'ListenerSetHTTPRouting', source: 'listenerset-http-routing.go', features: ['Gateway', 'ListenerSet', 'HTTPRoute'],
  gateway: GATEWAY,
  acceptedRoutes: [`${INFRA}/attaches-to-all-listeners`, `${INFRA}/gateway-route`, `${INFRA}/gateway-section-route`], routesResolveRefs: false,
  status: [
    { kind: 'Gateway', name: GATEWAY, attachedListenerSets: 2 },
    ...acceptedOnListenerSet(SET_1, [`${INFRA}/attaches-to-all-listeners`, `${INFRA}/listener-set-http-routing-1-route`, `${INFRA}/listener-set-http-routing-1-section-route`]),
    { kind: 'ListenerSet', name: SET_1, exactListeners: true, listeners: { 'listener-set-http-routing-1-listener-1': readyListener(3), 'listener-set-http-routing-1-listener-2': readyListener(2) } },
    ...acceptedOnListenerSet(SET_2, [`${INFRA}/attaches-to-all-listeners`, `${INFRA}/listener-set-http-routing-2-route`]),
    { kind: 'ListenerSet', name: SET_2, exactListeners: true, listeners: { 'listener-set-http-routing-2-listener-1': readyListener(2), 'listener-set-http-routing-2-listener-2': readyListener(2) } },
  ],
  exchanges: [
    ...only('/route', V1, HOSTS),
    ...only('/gateway-route', V2, ['gateway-listener-1', 'gateway-listener-2']),
    ...only('/gateway-section-route', V3, ['gateway-listener-1']),
    ...only('/listener-set-http-routing-1-route', V2, ['listener-set-http-routing-1-listener-1', 'listener-set-http-routing-1-listener-2']),
    ...only('/listener-set-http-routing-1-section-route', V3, ['listener-set-http-routing-1-listener-1']),
    ...only('/listener-set-http-routing-2-route', V2, ['listener-set-http-routing-2-listener-1', 'listener-set-http-routing-2-listener-2']),
  ],
});
