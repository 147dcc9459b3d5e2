import { INFRA, scenario } from './dsl.ts';

// The upstream test's name: a prefix padded with "a" to 253 characters, as in the manifest.
const PREFIX = 'gateway-name-maximum-length-';
const NAME = PREFIX + 'a'.repeat(253 - PREFIX.length);

export default scenario({
  name: 'GatewayNameMaximumLength', source: 'gateway-name-maximum-length.go', features: ['Gateway'],
  status: [{ kind: 'Gateway', name: `${INFRA}/${NAME}`, observedGenerationCurrent: true }],
});
