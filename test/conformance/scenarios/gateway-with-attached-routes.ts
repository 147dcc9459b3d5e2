import type { ListenerCheck } from '../harness/scenario.ts';
import { INFRA, scenario } from './dsl.ts';

const valid = (attachedRoutes: number): ListenerCheck => ({ supportedKinds: ['HTTPRoute'], conditions: { Accepted: 'True', ResolvedRefs: 'True' }, attachedRoutes });
const TWO = `${INFRA}/gateway-with-two-attached-routes` as const;
const UNRESOLVED = `${INFRA}/unresolved-gateway-with-one-attached-unresolved-route` as const;

export default [
  scenario({
    name: 'GatewayWithAttachedRoutes', source: 'gateway-with-attached-routes.go', features: ['Gateway', 'HTTPRoute'],
    status: [
      { kind: 'Gateway', name: `${INFRA}/gateway-with-one-attached-route`, exactListeners: true, listeners: { http: valid(1) } },
      { kind: 'Gateway', name: TWO, exactListeners: true, listeners: { http: valid(2) } },
      { kind: 'HTTPRoute', name: `${INFRA}/http-route-not-accepted`, parent: TWO, conditions: { Accepted: 'False/NoMatchingListenerHostname' } },
      // attachedRoutes counts routes even when the listener has unresolved references.
      {
        kind: 'Gateway', name: UNRESOLVED, exactListeners: true,
        listeners: { tls: { supportedKinds: ['HTTPRoute'], conditions: { Programmed: 'False', ResolvedRefs: 'False' }, attachedRoutes: 1 } },
      },
      { kind: 'HTTPRoute', name: `${INFRA}/http-route-4`, parent: UNRESOLVED, conditions: { ResolvedRefs: 'False' } },
    ],
  }),
  scenario({
    name: 'GatewayWithAttachedRoutesWithPort8080', source: 'gateway-with-attached-routes.go', features: ['Gateway', 'GatewayPort8080', 'HTTPRoute'],
    manifests: ['tests/gateway-with-attached-routes-with-port-8080.yaml'],
    status: [{
      kind: 'Gateway', name: `${INFRA}/gateway-with-two-listeners-and-one-attached-route`, exactListeners: true,
      listeners: { 'http-unattached': valid(0), http: valid(1) },
    }],
  }),
];
