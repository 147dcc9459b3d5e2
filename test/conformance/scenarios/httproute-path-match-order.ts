import { INFRA, reaches, scenario, V1, V2, V3 } from './dsl.ts';

export default scenario({
  name: 'HTTPRoutePathMatchOrder', source: 'httproute-path-match-order.go', features: ['Gateway', 'HTTPRoute'],
  acceptedRoutes: [`${INFRA}/path-matching-order`],
  exchanges: [
    reaches(V3, '/match/exact/one'),
    reaches(V2, '/match/exact'),
    reaches(V1, '/match'),
    reaches(V2, '/match/prefix/one/any'),
    reaches(V1, '/match/prefix/any'),
    reaches(V3, '/match/any'),
  ],
});
