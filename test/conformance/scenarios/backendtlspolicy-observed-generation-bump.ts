import type { StatusCheck } from '../harness/scenario.ts';
import { INFRA, scenario } from './dsl.ts';

const NAME = 'observed-generation-bump';
// The suite's BackendTLSPolicyMustHaveLatestConditions: every ancestor's conditions carry the current generation.
const current: StatusCheck = { kind: 'BackendTLSPolicy', name: `${INFRA}/${NAME}`, conditions: { Accepted: '*' }, observedGenerationCurrent: true };

export default scenario({
  name: 'BackendTLSPolicyObservedGenerationBump', source: 'backendtlspolicy-observed-generation-bump.go', features: ['Gateway', 'HTTPRoute', 'BackendTLSPolicy'],
  status: [current],
  then: [{
    edit: (objects) => { objects.find((o) => o.kind === 'BackendTLSPolicy' && o.metadata.name === NAME)!.spec.validation.hostname = 'foo.example.com'; },
    status: [{ ...current, conditions: { Accepted: 'True' }, generationBumped: true }],
  }],
});
