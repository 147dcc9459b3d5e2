import { INFRA, scenario } from './dsl.ts';

export default scenario({
  name: 'GatewaySecretReferenceGrantAllInNamespace', source: 'gateway-secret-reference-grant-all-in-namespace.go', features: ['Gateway', 'ReferenceGrant'],
  status: [{
    kind: 'Gateway', name: `${INFRA}/gateway-secret-reference-grant-all-in-namespace`, exactListeners: true,
    listeners: { https: { supportedKinds: ['HTTPRoute'], conditions: { Programmed: 'True/Programmed', ResolvedRefs: 'True' }, attachedRoutes: 0 } },
  }],
});
