import { scenario } from './dsl.ts';

const CLASS = 'gatewayclass-observed-generation-bump';

export default scenario({
  name: 'GatewayClassObservedGenerationBump', source: 'gatewayclass-observed-generation-bump.go', features: ['Gateway'],
  status: [{ kind: 'GatewayClass', name: CLASS, conditions: { Accepted: '*' }, observedGenerationCurrent: true }],
  then: [{
    edit: (objects) => { objects.find((o) => o.kind === 'GatewayClass' && o.metadata.name === CLASS)!.spec.description = 'new'; },
    status: [{ kind: 'GatewayClass', name: CLASS, conditions: { Accepted: '*' }, observedGenerationCurrent: true, generationBumped: true }],
  }],
});
