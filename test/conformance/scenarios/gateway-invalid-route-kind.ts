import { INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'GatewayInvalidRouteKind', source: 'gateway-invalid-route-kind.go', features: ['Gateway'],
  status: [
    {
      kind: 'Gateway', name: `${INFRA}/gateway-only-invalid-route-kind`, exactListeners: true,
      listeners: { http: { supportedKinds: [], conditions: { ResolvedRefs: 'False/InvalidRouteKinds' }, attachedRoutes: 0 } },
    },
    {
      kind: 'Gateway', name: `${INFRA}/gateway-supported-and-invalid-route-kind`, exactListeners: true,
      listeners: { http: { supportedKinds: ['HTTPRoute'], conditions: { ResolvedRefs: 'False/InvalidRouteKinds' }, attachedRoutes: 0 } },
    },
  ],
});
