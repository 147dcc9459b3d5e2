import { INFRA, reaches, scenario, WEB } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteCrossNamespace', source: 'httproute-cross-namespace.go', features: ['Gateway', 'HTTPRoute'],
  gateway: `${INFRA}/backend-namespaces`,
  acceptedRoutes: [`${WEB}/cross-namespace`],
  exchanges: [reaches('web-backend', '/', { namespace: WEB })],
});
