import { INFRA, reaches, scenario, V1, V2 } from './dsl.ts';

const at = (host: string, path: string, headers?: Record<string, string>) => ({ host, path, ...(headers && { headers }) });

export default scenario({
  name: 'HTTPRouteMatchingAcrossRoutes', source: 'httproute-matching-across-routes.go', features: ['Gateway', 'HTTPRoute'],
  acceptedRoutes: [`${INFRA}/matching-part1`, `${INFRA}/matching-part2`],
  exchanges: [
    reaches(V1, at('example.com', '/')),
    reaches(V1, at('example.com', '/example')),
    reaches(V1, at('example.net', '/example')),
    reaches(V1, at('example.com', '/example', { Version: 'one' })),
    reaches(V2, at('example.com', '/v2')),
    reaches(V1, at('example.net', '/v2')),
    reaches(V2, at('example.com', '/v2/example')),
    reaches(V2, at('example.com', '/', { Version: 'two' })),
  ],
});
