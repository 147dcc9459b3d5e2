import { scenario } from './dsl.ts';

export default scenario({
  name: 'GatewayInfrastructure', source: 'gateway-infrastructure.go', features: ['Gateway', 'GatewayInfrastructurePropagation'],
  skip: {
    feature: 'GatewayInfrastructurePropagation',
    reason: 'the test reads the ServiceAccount/Pod/Service provisioned for the Gateway; standalone mode provisions none (Kubernetes-mode provisioning is not exercised by this harness)',
  },
});
