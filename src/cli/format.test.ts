import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe, humanDuration, table, titleCase } from './format.ts';

test('humanDuration follows kubectl', () => {
  assert.equal(humanDuration(45_000), '45s');
  assert.equal(humanDuration(130_000), '2m10s');
  assert.equal(humanDuration(15 * 60_000), '15m');
  assert.equal(humanDuration(5 * 3600_000 + 60_000), '5h1m');
  assert.equal(humanDuration(30 * 3600_000), '30h');
  assert.equal(humanDuration(3 * 86400_000), '3d');
});

test('table pads columns like kubectl', () => {
  assert.equal(table(['NAME', 'CLASS'], [['my-gateway', 'switchyard']]), 'NAME         CLASS\nmy-gateway   switchyard\n');
});

test('titleCase splits camelCase field names', () => {
  assert.equal(titleCase('parentRefs'), 'Parent Refs');
  assert.equal(titleCase('lastTransitionTime'), 'Last Transition Time');
  assert.equal(titleCase('observedGeneration'), 'Observed Generation');
});

test('describe shows status conditions', () => {
  const text = describe({
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute',
    metadata: { name: 'my-route', namespace: 'demo', generation: 1 },
    spec: { hostnames: ['app.example.com'] },
    status: { parents: [{ controllerName: 'switchyard.dev/gateway-controller', conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Route is accepted', lastTransitionTime: 't' }] }] },
  });
  assert.match(text, /^Name:\s+my-route$/m);
  assert.match(text, /^Namespace:\s+demo$/m);
  assert.match(text, /^ {2}Hostnames:\n {4}app\.example\.com$/m);
  assert.match(text, /^Status:\n {2}Parents:\n {4}Conditions:\n {6}Last Transition Time: +t$/m);
  assert.match(text, /^ {6}Reason: +Accepted$/m);
});
