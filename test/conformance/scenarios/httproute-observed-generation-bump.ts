import { INFRA, scenario, V2 } from './dsl.ts';

const ROUTE = `${INFRA}/observed-generation-bump` as const;

export default scenario({
  name: 'HTTPRouteObservedGenerationBump', source: 'httproute-observed-generation-bump.go', features: ['Gateway', 'HTTPRoute'],
  status: [{ kind: 'HTTPRoute', name: ROUTE, observedGenerationCurrent: true }],
  then: [{
    edit: (objects) => { objects.find((o) => o.kind === 'HTTPRoute' && o.metadata.name === 'observed-generation-bump')!.spec.rules[0].backendRefs[0].name = V2; },
    status: [{ kind: 'HTTPRoute', name: ROUTE, observedGenerationCurrent: true, generationBumped: true, conditions: { Accepted: 'True', ResolvedRefs: 'True' } }],
  }],
});
