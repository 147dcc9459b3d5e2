import { answers, INFRA, reaches, scenario, V1, V2 } from './dsl.ts';

const h = (headers: Record<string, string>) => ({ path: '/', headers });

export default scenario({
  name: 'HTTPRouteHeaderMatching', source: 'httproute-header-matching.go', features: ['Gateway', 'HTTPRoute'],
  acceptedRoutes: [`${INFRA}/header-matching`],
  exchanges: [
    reaches(V1, h({ Version: 'one' })),
    reaches(V2, h({ Version: 'two' })),
    reaches(V1, h({ Version: 'two', Color: 'orange' })),
    reaches(V2, h({ Version: 'two', Color: 'blue' })),
    answers(404, h({ Color: 'orange' })),
    answers(404, h({ 'Some-Other-Header': 'one' })),
    reaches(V1, h({ Color: 'blue' })),
    reaches(V1, h({ Color: 'green' })),
    reaches(V2, h({ Color: 'red' })),
    reaches(V2, h({ Color: 'yellow' })),
    answers(404, h({ Color: 'purple' })),
  ],
});
