import type { Exchange } from '../harness/scenario.ts';
import { answers, INFRA, reaches, scenario, V1, V2, V3 } from './dsl.ts';

const m = (method: string, path: string, version?: string): Exchange['request'] => ({ method, path, ...(version && { headers: { version } }) });

export default scenario({
  name: 'HTTPRouteMethodMatching', source: 'httproute-method-matching.go', group: 'extended',
  features: ['Gateway', 'HTTPRoute', 'HTTPRouteMethodMatching'],
  acceptedRoutes: [`${INFRA}/method-matching`],
  exchanges: [
    reaches(V1, m('POST', '/')),
    reaches(V2, m('GET', '/')),
    answers(404, m('HEAD', '/')),
    reaches(V1, m('GET', '/path1')),
    reaches(V2, m('PUT', '/', 'one')),
    reaches(V3, m('POST', '/path2', 'two')),
    reaches(V1, m('PATCH', '/path3')),
    reaches(V1, m('DELETE', '/path4', 'three')),
    answers(404, m('PUT', '/')),
    answers(404, m('DELETE', '/path4')),
    reaches(V1, m('PATCH', '/path5')),
    reaches(V2, m('PATCH', '/', 'four')),
  ],
});
