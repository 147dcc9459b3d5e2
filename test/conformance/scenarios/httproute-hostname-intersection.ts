import type { ListenerCheck } from '../harness/scenario.ts';
import { answers, INFRA, reaches, scenario, V1, V2, V3 } from './dsl.ts';

const GATEWAY = `${INFRA}/httproute-hostname-intersection` as const;
const ALL = `${INFRA}/httproute-hostname-intersection-all` as const;
const at = (host: string, path: string) => ({ host, path });
const listener = (attachedRoutes: number): ListenerCheck => ({ supportedKinds: ['HTTPRoute'], conditions: { Accepted: 'True', ResolvedRefs: 'True' }, attachedRoutes });

export default scenario({
  name: 'HTTPRouteHostnameIntersection', source: 'httproute-hostname-intersection.go', features: ['Gateway', 'HTTPRoute'],
  gateway: GATEWAY,
  acceptedRoutes: [
    `${INFRA}/specific-host-matches-listener-specific-host`, `${INFRA}/specific-host-matches-listener-wildcard-host`,
    `${INFRA}/wildcard-host-matches-listener-specific-host`, `${INFRA}/wildcard-host-matches-listener-wildcard-host`,
  ],
  status: [
    // Routes that do not intersect with listener hostnames.
    { kind: 'HTTPRoute', name: `${INFRA}/no-intersecting-hosts`, parentCount: 1, conditions: { Accepted: 'False/NoMatchingListenerHostname' } },
    // Routes are counted in attachedRoutes only if they are accepted.
    { kind: 'Gateway', name: GATEWAY, exactListeners: true, listeners: { 'listener-1': listener(2), 'listener-2': listener(1), 'listener-3': listener(1) } },
    // Routes intersecting with a listener without hostname.
    { kind: 'Gateway', name: ALL, conditions: { Accepted: 'True', Programmed: 'True' }, everyListener: { Accepted: 'True', ResolvedRefs: 'True', Programmed: 'True' } },
    { kind: 'HTTPRoute', name: `${INFRA}/httproute-hostname-intersection-all`, parent: ALL, conditions: { Accepted: 'True/Accepted', ResolvedRefs: 'True' } },
  ],
  exchanges: [
    reaches(V1, at('very.specific.com', '/s1')),
    reaches(V1, at('very.specific.com:1234', '/s1')),
    answers(404, at('non.matching.com', '/s1')),
    answers(404, at('foo.nonmatchingwildcard.io', '/s1')),
    answers(404, at('foo.wildcard.io', '/s1')),
    answers(404, at('very.specific.com', '/non-matching-prefix')),

    reaches(V2, at('foo.wildcard.io', '/s2')),
    reaches(V2, at('bar.wildcard.io', '/s2')),
    reaches(V2, at('foo.bar.wildcard.io', '/s2')),
    answers(404, at('non.matching.com', '/s2')),
    answers(404, at('wildcard.io', '/s2')),
    answers(404, at('very.specific.com', '/s2')),
    answers(404, at('foo.wildcard.io', '/non-matching-prefix')),

    reaches(V3, at('very.specific.com', '/s3')),
    answers(404, at('non.matching.com', '/s3')),
    answers(404, at('foo.specific.com', '/s3')),
    answers(404, at('foo.wildcard.io', '/s3')),
    answers(404, at('very.specific.com', '/non-matching-prefix')),

    reaches(V1, at('foo.anotherwildcard.io', '/s4')),
    reaches(V1, at('bar.anotherwildcard.io', '/s4')),
    reaches(V1, at('foo.bar.anotherwildcard.io', '/s4')),
    answers(404, at('anotherwildcard.io', '/s4')),
    answers(404, at('foo.wildcard.io', '/s4')),
    answers(404, at('very.specific.com', '/s4')),
    answers(404, at('foo.anotherwildcard.io', '/non-matching-prefix')),

    answers(404, at('specific.but.wrong.com', '/s5')),
    answers(404, at('wildcard.io', '/s5')),

    reaches(V2, at('first.com', '/'), { gateway: ALL }),
    reaches(V2, at('sub.first.com', '/'), { gateway: ALL }),
    reaches(V2, at('second.com', '/'), { gateway: ALL }),
    reaches(V2, at('sub.second.com', '/'), { gateway: ALL }),
    answers(404, at('third.com', '/'), { gateway: ALL }),
    answers(404, at('sub.third.com', '/'), { gateway: ALL }),
  ],
});
