import { answers, INFRA, reaches, scenario, V1, V2 } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteExactPathMatching', source: 'httproute-exact-path-matching.go', features: ['Gateway', 'HTTPRoute'],
  acceptedRoutes: [`${INFRA}/exact-matching`],
  exchanges: [
    reaches(V1, '/one'),
    reaches(V2, '/two'),
    answers(404, '/'),
    answers(404, '/one/example'),
    answers(404, '/two/'),
    answers(404, '/Two'),
  ],
});
