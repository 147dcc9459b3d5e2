/**
 * SwitchyardProxy (gateway.switchyard.dev/v1alpha1): the CRD in deploy/crds/switchyardproxies.yaml,
 * field for field (crd-drift.test.ts compares the two). The types are src/api/switchyard.ts.
 */
import { resource } from './resource.ts';
import { duration } from './fields.ts';
import { arr, int, map, obj, str } from './schema.ts';

const quantities = () => obj({ cpu: str(), memory: str() });

export const switchyardProxy = () => resource({
  spec: obj({
    replicas: int({ minimum: 0 }),
    resources: obj({ requests: quantities(), limits: quantities() }),
    autoscaling: obj({
      minReplicas: int({ minimum: 1 }),
      maxReplicas: int({ minimum: 1 }),
      targetCPUUtilizationPercentage: int({ minimum: 1, maximum: 100 }),
    }, { required: ['maxReplicas'] }),
    service: obj({ type: str({ enum: ['LoadBalancer', 'NodePort', 'ClusterIP'] }), annotations: map(str()) }),
    nodeSelector: map(str()),
    tolerations: arr(obj({
      key: str(),
      operator: str({ enum: ['Exists', 'Equal'] }),
      value: str(),
      effect: str({ enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] }),
      tolerationSeconds: int(),
    })),
    logLevel: str({ enum: ['error', 'warn', 'info', 'debug'] }),
    limits: obj({
      requestTimeout: duration(),
      streamIdleTimeout: duration(),
      connectTimeout: duration(),
      routeTimeout: duration(),
      downstreamIdleTimeout: duration(),
      maxConnections: int({ minimum: 1 }),
      xffNumTrustedHops: int({ minimum: 0, maximum: 10 }),
    }),
  }),
}, []);
