import type { ListenerCheck } from '../harness/scenario.ts';
import { UNUSABLE_ADDRESS, USABLE_ADDRESS } from '../harness/manifests.ts';
import { INFRA, scenario } from './dsl.ts';

const GATEWAY = `${INFRA}/gateway-static-addresses`;
const http: ListenerCheck = { supportedKinds: ['HTTPRoute'], conditions: { Accepted: 'True', ResolvedRefs: 'True' }, attachedRoutes: 0 };
const dropAddress = (value: string) => (objects: Record<string, any>[]) => { // eslint-disable-line @typescript-eslint/no-explicit-any
  const gw = objects.find((o) => o.kind === 'Gateway' && o.metadata.name === 'gateway-static-addresses')!;
  gw.spec.addresses = gw.spec.addresses.filter((a: { value: string }) => a.value !== value);
};

export default scenario({
  name: 'GatewayStaticAddresses', source: 'gateway-static-addresses.go', features: ['Gateway', 'GatewayStaticAddresses'],
  // Addresses, in order: one of an unsupported type, one unusable here, one usable (harness/manifests.ts).
  status: [{ kind: 'Gateway', name: GATEWAY, observedGenerationCurrent: true, conditions: { Accepted: 'False/UnsupportedAddress' } }],
  then: [
    {
      edit: dropAddress('fake address teehee!'),
      status: [{ kind: 'Gateway', name: GATEWAY, observedGenerationCurrent: true, conditions: { Accepted: 'True/Accepted', Programmed: 'False/AddressNotUsable' } }],
    },
    {
      edit: dropAddress(UNUSABLE_ADDRESS),
      status: [{
        kind: 'Gateway', name: GATEWAY, observedGenerationCurrent: true, conditions: { Accepted: 'True/Accepted', Programmed: 'True/Programmed' },
        exactListeners: true, listeners: { http }, addresses: [USABLE_ADDRESS],
      }],
    },
  ],
});
