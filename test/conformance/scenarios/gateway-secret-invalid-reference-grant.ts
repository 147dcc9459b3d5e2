import { INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'GatewaySecretInvalidReferenceGrant', source: 'gateway-secret-invalid-reference-grant.go', features: ['Gateway', 'ReferenceGrant'],
  status: [{
    kind: 'Gateway', name: `${INFRA}/gateway-secret-invalid-reference-grant`, exactListeners: true,
    listeners: { https: { supportedKinds: ['HTTPRoute'], conditions: { ResolvedRefs: 'False/RefNotPermitted' }, attachedRoutes: 0 } },
  }],
});
