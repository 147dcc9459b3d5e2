import { INFRA, reaches, scenario, V1, V2, V3 } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteWeight', source: 'httproute-weight.go', features: ['Gateway', 'HTTPRoute'],
  acceptedRoutes: [`${INFRA}/weighted-backends`],
  exchanges: [reaches('', '/', { weights: { [V1]: 0.7, [V2]: 0.3, [V3]: 0 } })],
});
