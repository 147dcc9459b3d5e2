import { INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'GatewaySecretMissingReferenceGrant', source: 'gateway-secret-missing-reference-grant.go', features: ['Gateway', 'ReferenceGrant'],
  status: [{
    kind: 'Gateway', name: `${INFRA}/gateway-secret-missing-reference-grant`, exactListeners: true,
    listeners: { https: { supportedKinds: ['HTTPRoute'], conditions: { ResolvedRefs: 'False/RefNotPermitted' }, attachedRoutes: 0 } },
  }],
});
