import { INFRA, reaches, scenario, V1 } from './dsl.ts';
import { MODIFIED } from './httproute-request-mirror.ts';

const MIRRORS = [{ backend: `${INFRA}/infra-backend-v2` }, { backend: `${INFRA}/infra-backend-v3` }] as const;

export default scenario({
  name: 'HTTPRouteRequestMultipleMirrors', source: 'httproute-request-multiple-mirrors.go',
  features: ['Gateway', 'HTTPRoute', 'HTTPRouteRequestMirror', 'HTTPRouteRequestMultipleMirrors'],
  acceptedRoutes: [`${INFRA}/request-multiple-mirrors`],
  exchanges: [
    reaches(V1, '/multi-mirror', { mirroredTo: MIRRORS }),
    reaches(V1, { path: '/multi-mirror-and-modify-request-headers', ...MODIFIED.request }, { expectedRequest: MODIFIED.expected, mirroredTo: MIRRORS }),
  ],
});
