import { INFRA, reaches, scenario, V1, V2 } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteRewriteHost', source: 'httproute-rewrite-host.go', group: 'extended',
  features: ['Gateway', 'HTTPRoute', 'HTTPRouteHostRewrite'],
  acceptedRoutes: [`${INFRA}/rewrite-host`],
  exchanges: [
    reaches(V1, { path: '/one', host: 'rewrite.example' }, { expectedRequest: { path: '/one', host: 'one.example.org' } }),
    reaches(V2, { path: '/two', host: 'rewrite.example' }, { expectedRequest: { path: '/two', host: 'example.org' } }),
    reaches(V2, { path: '/rewrite-host-and-modify-headers', host: 'rewrite.example', headers: { 'X-Header-Remove': 'remove-val', 'X-Header-Add-Append': 'append-val-1' } }, {
      expectedRequest: {
        path: '/rewrite-host-and-modify-headers', host: 'test.example.org', absentHeaders: ['X-Header-Remove'],
        headers: { 'X-Header-Add': 'header-val-1', 'X-Header-Add-Append': 'append-val-1,header-val-2', 'X-Header-Set': 'set-overwrites-values' },
      },
    }),
  ],
});
