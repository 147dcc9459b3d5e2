import { acceptedOnListenerSet, answers, INFRA, reaches, scenario, V1 } from './dsl.ts';

const GATEWAY = `${INFRA}/gateway-section-name` as const;

export default scenario({
  name: 'ListenerSetGatewayParentSectionNameNotFound', source: 'listenerset-gateway-parent-section-name-not-found.go', features: ['Gateway', 'ListenerSet', 'HTTPRoute'],
  gateway: GATEWAY,
  status: [
    { kind: 'Gateway', name: GATEWAY, observedGenerationCurrent: true, conditions: { Accepted: 'True' }, attachedListenerSets: 1 },
    ...acceptedOnListenerSet(`${INFRA}/listenerset-section-name`, [`${INFRA}/route-via-listenerset`]),
    { kind: 'HTTPRoute', name: `${INFRA}/route-via-gateway`, parent: GATEWAY, conditions: { Accepted: 'False/NoMatchingParent' } },
  ],
  exchanges: [
    reaches(V1, { host: 'ls-section-name.com', path: '/goodsection' }),
    answers(404, { host: 'gw-section.com', path: '/badsection' }),
  ],
});
