import { INFRA, reaches, scenario, V1 } from './dsl.ts';

const rewritten = (from: string, to: string) => reaches(V1, from, { expectedRequest: { path: to } });
const modified = { 'X-Header-Remove': 'remove-val', 'X-Header-Add-Append': 'append-val-1', 'X-Header-Set': 'set-val' };
const seen = { 'X-Header-Add': 'header-val-1', 'X-Header-Add-Append': 'append-val-1,header-val-2', 'X-Header-Set': 'set-overwrites-values' };

export default scenario({
  name: 'HTTPRouteRewritePath', source: 'httproute-rewrite-path.go', group: 'extended',
  features: ['Gateway', 'HTTPRoute', 'HTTPRoutePathRewrite'],
  acceptedRoutes: [`${INFRA}/rewrite-path`],
  exchanges: [
    rewritten('/prefix/one/two', '/one/two'),
    rewritten('/strip-prefix/three', '/three'),
    rewritten('/strip-prefix', '/'),
    rewritten('/full/one/two', '/one'),
    reaches(V1, { path: '/full/rewrite-path-and-modify-headers/test', headers: modified }, { expectedRequest: { path: '/test', headers: seen, absentHeaders: ['X-Header-Remove'] } }),
    reaches(V1, { path: '/prefix/rewrite-path-and-modify-headers/one', headers: modified }, { expectedRequest: { path: '/prefix/one', headers: seen, absentHeaders: ['X-Header-Remove'] } }),
  ],
});
