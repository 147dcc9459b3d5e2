import { INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'GatewaySecretReferenceGrantSpecific', source: 'gateway-secret-reference-grant-specific.go', features: ['Gateway', 'ReferenceGrant'],
  status: [{
    kind: 'Gateway', name: `${INFRA}/gateway-secret-reference-grant-specific`, exactListeners: true,
    listeners: { https: { supportedKinds: ['HTTPRoute'], conditions: { Programmed: 'True/Programmed', ResolvedRefs: 'True' }, attachedRoutes: 0 } },
  }],
});
