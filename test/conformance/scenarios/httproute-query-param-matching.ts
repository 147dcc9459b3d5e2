import { answers, INFRA, reaches, scenario, V1, V2, V3 } from './dsl.ts';

const v = (version: string, path: string) => ({ path, headers: { version } });

export default scenario({
  name: 'HTTPRouteQueryParamMatching', source: 'httproute-query-param-matching.go', group: 'extended',
  features: ['Gateway', 'HTTPRoute', 'HTTPRouteQueryParamMatching'],
  acceptedRoutes: [`${INFRA}/query-param-matching`],
  exchanges: [
    reaches(V1, '/?animal=whale'),
    reaches(V2, '/?animal=dolphin'),
    reaches(V3, '/?animal=dolphin&color=blue'),
    reaches(V3, '/?ANIMAL=Whale'),
    reaches(V1, '/?animal=whale&otherparam=irrelevant'),
    reaches(V2, '/?animal=dolphin&color=yellow'),
    answers(404, '/?color=blue'),
    answers(404, '/?animal=dog'),
    answers(404, '/?animal=whaledolphin'),
    answers(404, '/'),
    // Precedence across rules and matches.
    reaches(V1, '/path1?animal=whale'),
    reaches(V2, v('one', '/?animal=whale')),
    reaches(V3, v('two', '/path2?animal=whale')),
    reaches(V1, '/path3?animal=shark'),
    reaches(V1, v('three', '/path4?animal=kraken')),
    answers(404, '/?animal=shark'),
    answers(404, '/path4?animal=kraken'),
    reaches(V1, '/path5?animal=hydra'),
    reaches(V3, v('four', '/?animal=hydra')),
  ],
});
