import { answers, INFRA, reaches, scenario, V1 } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteNoBackendRefs', source: 'httproute-omitted-backendrefs.go', features: ['Gateway', 'HTTPRoute'],
  acceptedRoutes: [`${INFRA}/omitted-backendrefs`],
  exchanges: [reaches(V1, '/forward'), answers(500, '/omitted-no-forward'), answers(500, '/empty-no-forward')],
});
