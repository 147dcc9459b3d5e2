import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectCase } from './check.test-util.ts';

const proxy = (spec: Record<string, unknown>) => ({ apiVersion: 'gateway.switchyard.dev/v1alpha1', kind: 'SwitchyardProxy', metadata: { name: 'p', namespace: 'infra' }, spec });

const CASES: [string, Record<string, unknown>, RegExp | undefined][] = [
  ['every field', proxy({
    replicas: 2, resources: { requests: { cpu: '100m' }, limits: { memory: '256Mi' } },
    autoscaling: { minReplicas: 2, maxReplicas: 5, targetCPUUtilizationPercentage: 70 },
    service: { type: 'NodePort', annotations: { 'example.com/a': 'b' } }, nodeSelector: { pool: 'edge' },
    tolerations: [{ key: 'edge', operator: 'Exists', effect: 'NoSchedule' }], logLevel: 'debug',
    limits: { requestTimeout: '300s', streamIdleTimeout: '5m', connectTimeout: '10s', routeTimeout: '15s', downstreamIdleTimeout: '1h', maxConnections: 10000, xffNumTrustedHops: 1 },
  }), undefined],
  ['no spec', { apiVersion: 'gateway.switchyard.dev/v1alpha1', kind: 'SwitchyardProxy', metadata: { name: 'p' } }, undefined],
  ['negative replicas', proxy({ replicas: -1 }), /spec\.replicas: must be at least 0/],
  ['autoscaling without maxReplicas', proxy({ autoscaling: { minReplicas: 1 } }), /autoscaling\.maxReplicas: required field is missing/],
  ['a CPU target above 100', proxy({ autoscaling: { maxReplicas: 2, targetCPUUtilizationPercentage: 101 } }), /targetCPUUtilizationPercentage: must be at most 100/],
  ['an unknown service type', proxy({ service: { type: 'ExternalName' } }), /service\.type: "ExternalName" is not one of/],
  ['a limit that is not a duration', proxy({ limits: { routeTimeout: '15' } }), /limits\.routeTimeout: "15" is not a valid Gateway API duration/],
  ['zero maxConnections', proxy({ limits: { maxConnections: 0 } }), /limits\.maxConnections: must be at least 1/],
  ['too many trusted hops', proxy({ limits: { xffNumTrustedHops: 11 } }), /limits\.xffNumTrustedHops: must be at most 10/],
  ['an unknown log level', proxy({ logLevel: 'trace' }), /logLevel: "trace" is not one of/],
];

for (const [name, object, expected] of CASES) {
  test(`SwitchyardProxy: ${name}`, () => assert.equal(expectCase('SwitchyardProxy', object, expected, 'v1alpha1'), undefined));
}
