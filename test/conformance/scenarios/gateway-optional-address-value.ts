import { INFRA, scenario } from './dsl.ts';

const GATEWAY = `${INFRA}/gateway-without-address-value`;

export default scenario({
  name: 'GatewayOptionalAddressValue', source: 'gateway-optional-address-value.go', features: ['Gateway', 'GatewayAddressEmpty'],
  // An IPAddress without a value is assigned one: the default bind address in standalone mode.
  status: [{ kind: 'Gateway', name: GATEWAY, observedGenerationCurrent: true, addresses: ['127.0.0.1'] }],
});
