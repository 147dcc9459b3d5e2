import { INFRA, reaches, scenario, V1 } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteServiceTypes', source: 'httproute-service-types.go', features: ['Gateway', 'HTTPRoute'],
  acceptedRoutes: [`${INFRA}/service-types`],
  then: [{
    // The suite fills the manual EndpointSlices with infra-backend-v1's pod addresses, family by family.
    edit: (objects, { backendPort }) => {
      for (const slice of objects.filter((o) => o.kind === 'EndpointSlice' && /^(headless-)?manual-endpointslices-ip4$/.test(o.metadata.name))) {
        slice.endpoints = [{ addresses: ['127.0.0.1'], conditions: { ready: true, serving: true, terminating: false } }];
        for (const p of slice.ports) p.port = backendPort(`${INFRA}/${V1}`);
      }
    },
    exchanges: [reaches(V1, '/manual-endpointslices'), reaches(V1, '/headless-manual-endpointslices'), reaches(V1, '/headless')],
  }],
});
