import { INFRA, reaches, scenario, V1, V2 } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteMatching', source: 'httproute-matching.go', features: ['Gateway', 'HTTPRoute'],
  acceptedRoutes: [`${INFRA}/matching`],
  exchanges: [
    reaches(V1, '/'),
    reaches(V1, '/example'),
    reaches(V1, { path: '/', headers: { Version: 'one' } }),
    reaches(V2, '/v2'),
    reaches(V2, '/v2/example'),
    reaches(V2, { path: '/', headers: { Version: 'two' } }),
    reaches(V2, '/v2/'),
    reaches(V1, '/v2example'),
    reaches(V1, '/foo/v2/example'),
  ],
});
