import { INFRA, reaches, scenario, V1 } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteSimpleSameNamespace', source: 'httproute-simple-same-namespace.go', features: ['Gateway', 'HTTPRoute'],
  acceptedRoutes: [`${INFRA}/gateway-conformance-infra-test`],
  exchanges: [reaches(V1, '/')],
});
