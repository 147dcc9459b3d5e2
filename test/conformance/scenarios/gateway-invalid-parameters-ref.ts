import { INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'GatewayInvalidParametersRef', source: 'gateway-invalid-parameters-ref.go', features: ['Gateway'],
  status: [{ kind: 'Gateway', name: `${INFRA}/gateway-invalid-parameters-ref`, observedGenerationCurrent: true, conditions: { Accepted: 'False/InvalidParameters' } }],
});
