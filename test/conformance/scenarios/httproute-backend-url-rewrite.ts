import { INFRA, reaches, scenario, V1 } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteBackendURLRewrite', source: 'httproute-backend-url-rewrite.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteBackendURLRewrite'],
  acceptedRoutes: [`${INFRA}/backend-url-rewrite`],
  exchanges: [
    reaches(V1, '/full/original', { expectedRequest: { path: '/rewritten-full' } }),
    reaches(V1, '/prefix/original', { expectedRequest: { path: '/rewritten-prefix/original' } }),
  ],
});
