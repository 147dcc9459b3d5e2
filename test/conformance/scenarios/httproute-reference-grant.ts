import { answers, INFRA, reaches, scenario, WEB } from './dsl.ts';

export default scenario({
  name: 'HTTPRouteReferenceGrant', source: 'httproute-reference-grant.go', features: ['Gateway', 'HTTPRoute', 'ReferenceGrant'],
  acceptedRoutes: [`${INFRA}/reference-grant`],
  exchanges: [reaches('web-backend', '/', { namespace: WEB })],
  then: [{
    // The suite deletes the ReferenceGrant: the backend is no longer permitted.
    edit: (objects) => {
      objects.splice(objects.findIndex((o) => o.kind === 'ReferenceGrant' && o.metadata.name === 'reference-grant' && o.metadata.namespace === WEB), 1);
    },
    exchanges: [answers(500, '/')],
  }],
});
