import type { ListenerCheck } from '../harness/scenario.ts';
import { INFRA, scenario } from './dsl.ts';

const ADD = `${INFRA}/gateway-add-listener` as const;
const REMOVE = `${INFRA}/gateway-remove-listener` as const;
const attached: ListenerCheck = { supportedKinds: ['HTTPRoute'], conditions: { Accepted: 'True', ResolvedRefs: 'True' }, attachedRoutes: 1 };

export default scenario({
  name: 'GatewayModifyListeners', source: 'gateway-modify-listeners.go', features: ['Gateway'],
  status: [
    { kind: 'Gateway', name: ADD, observedGenerationCurrent: true },
    { kind: 'Gateway', name: REMOVE, observedGenerationCurrent: true },
  ],
  stepPorts: [`${ADD}:80`],
  then: [
    {
      // Subtest 1: add an HTTP listener on port 80 with hostname data.test.com, routes from All.
      edit: (objects, { port }) => {
        const gw = objects.find((o) => o.kind === 'Gateway' && o.metadata.name === 'gateway-add-listener')!;
        gw.spec.listeners.push({ name: 'http', port: port(ADD, 80), protocol: 'HTTP', hostname: 'data.test.com', allowedRoutes: { namespaces: { from: 'All' } } });
      },
      status: [{ kind: 'Gateway', name: ADD, observedGenerationCurrent: true, generationBumped: true, exactListeners: true, listeners: { https: attached, http: attached } }],
    },
    {
      // Subtest 2: keep only the listener named http.
      edit: (objects) => {
        const gw = objects.find((o) => o.kind === 'Gateway' && o.metadata.name === 'gateway-remove-listener')!;
        gw.spec.listeners = gw.spec.listeners.filter((l: { name: string }) => l.name === 'http');
      },
      status: [{ kind: 'Gateway', name: REMOVE, observedGenerationCurrent: true, generationBumped: true, exactListeners: true, listeners: { http: attached } }],
    },
  ],
});
