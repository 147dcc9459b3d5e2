import { INFRA, reaches, scenario, V1 } from './dsl.ts';

const V2_MIRROR = { backend: `${INFRA}/infra-backend-v2` } as const;

/** Also the request as headers-modified (shared with the multiple- and percentage-mirror tests). */
export const MODIFIED = {
  request: { headers: { 'X-Header-Remove': 'remove-val', 'X-Header-Add-Append': 'append-val-1' } },
  expected: { headers: { 'X-Header-Add': 'header-val-1', 'X-Header-Add-Append': 'append-val-1,header-val-2', 'X-Header-Set': 'set-overwrites-values' }, absentHeaders: ['X-Header-Remove'] },
} as const;

export default scenario({
  name: 'HTTPRouteRequestMirror', source: 'httproute-request-mirror.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteRequestMirror'],
  acceptedRoutes: [`${INFRA}/request-mirror`],
  exchanges: [
    reaches(V1, '/mirror', { mirroredTo: [V2_MIRROR] }),
    reaches(V1, { path: '/mirror-and-modify-headers', ...MODIFIED.request }, { expectedRequest: MODIFIED.expected, mirroredTo: [V2_MIRROR] }),
  ],
});
