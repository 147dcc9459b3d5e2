import { INFRA, scenario } from './dsl.ts';

const GATEWAY = `${INFRA}/gateway-observed-generation-bump` as const;

export default scenario({
  name: 'GatewayObservedGenerationBump', source: 'gateway-observed-generation-bump.go', features: ['Gateway'],
  status: [{ kind: 'Gateway', name: GATEWAY, observedGenerationCurrent: true }],
  then: [{
    // A second listener, "alternate", on port 80 for foo.com, routes from All.
    edit: (objects, { port }) => {
      const gw = objects.find((o) => o.kind === 'Gateway' && o.metadata.name === 'gateway-observed-generation-bump')!;
      gw.spec.listeners.push({ name: 'alternate', hostname: 'foo.com', port: port(GATEWAY, 80), protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } });
    },
    status: [{ kind: 'Gateway', name: GATEWAY, observedGenerationCurrent: true, generationBumped: true }],
  }],
});
