import { INFRA, reaches, scenario, V1 } from './dsl.ts';
import { MODIFIED } from './httproute-request-mirror.ts';

const v2 = (percent: number) => [{ backend: `${INFRA}/infra-backend-v2`, percent }] as const;

export default scenario({
  name: 'HTTPRouteRequestPercentageMirror', source: 'httproute-request-percentage-mirror.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteRequestPercentageMirror'],
  acceptedRoutes: [`${INFRA}/request-percentage-mirror`],
  exchanges: [
    reaches(V1, '/percent-mirror', { mirroredTo: v2(20) }),
    reaches(V1, '/percent-mirror-fraction', { mirroredTo: v2(50) }),
    reaches(V1, { path: '/percent-mirror-and-modify-headers', ...MODIFIED.request }, { expectedRequest: MODIFIED.expected, mirroredTo: v2(35) }),
  ],
});
