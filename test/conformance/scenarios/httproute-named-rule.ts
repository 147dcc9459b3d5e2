import { INFRA, reaches, scenario } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteNamedRule', source: 'httproute-named-rule.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteNamedRouteRule'],
  acceptedRoutes: [`${INFRA}/http-named-rules`],
  // Upstream names no backend: any pod of the infra namespace answering 200 will do.
  exchanges: [reaches('', '/named'), reaches('', '/unnamed')],
});
