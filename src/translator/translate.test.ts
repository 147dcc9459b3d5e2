// Behaviour of translate() that golden files cannot show: options other than the golden ones
// (previous statuses, sockets the data plane could not bind).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTROLLER_NAME, type Condition, type KubeObject } from '../api/index.ts';
import { snapshotOf } from '../store/index.ts';
import { translate } from './translate.ts';
import type { TranslateOptions } from './types.ts';

const objects: KubeObject[] = [
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'sy', generation: 2 }, spec: { controllerName: CONTROLLER_NAME } },
  {
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'infra', generation: 7 },
    spec: { gatewayClassName: 'sy', listeners: [{ name: 'web', port: 80, protocol: 'HTTP' }, { name: 'dns', port: 53, protocol: 'UDP' }] },
  },
];
const base: TranslateOptions = { controllerName: CONTROLLER_NAME, now: '2026-02-02T00:00:00Z', defaultAddresses: ['127.0.0.1'] };

interface GatewayStatusView {
  conditions: Condition[];
  listeners: { name: string; conditions: Condition[] }[];
}
const gatewayStatus = (options: TranslateOptions) =>
  translate(snapshotOf(objects), options).statuses.find((s) => s.key === 'Gateway/infra/gw')!.status as unknown as GatewayStatusView;
const find = (list: Condition[], type: string) => list.find((c) => c.type === type)!;

test('lastTransitionTime is kept for conditions whose status did not change, and moves for the others', () => {
  const first = gatewayStatus(base);
  assert.equal(find(first.conditions, 'Accepted').lastTransitionTime, '2026-02-02T00:00:00Z');
  assert.equal(find(first.conditions, 'Accepted').observedGeneration, 7);

  // The previous status said Accepted=True long ago and Programmed=False; the listener was Programmed.
  const previous = structuredClone(first);
  find(previous.conditions, 'Accepted').lastTransitionTime = '2025-01-01T00:00:00Z';
  Object.assign(find(previous.conditions, 'Programmed'), { status: 'False', lastTransitionTime: '2025-01-01T00:00:00Z' });
  previous.conditions = previous.conditions.filter((c) => c.type !== 'ResolvedRefs');
  find(previous.listeners[0]!.conditions, 'Programmed').lastTransitionTime = '2025-06-01T00:00:00Z';
  const second = gatewayStatus({ ...base, now: '2026-03-03T00:00:00Z', previousStatuses: new Map([['Gateway/infra/gw', previous]]) });
  assert.equal(find(second.conditions, 'Accepted').lastTransitionTime, '2025-01-01T00:00:00Z', 'unchanged: kept');
  assert.equal(find(second.conditions, 'Programmed').lastTransitionTime, '2026-03-03T00:00:00Z', 'False → True: now');
  assert.equal(find(second.conditions, 'ResolvedRefs').lastTransitionTime, '2026-03-03T00:00:00Z', 'absent before, unchanged status: now');
  assert.equal(find(second.listeners[0]!.conditions, 'Programmed').lastTransitionTime, '2025-06-01T00:00:00Z', 'listener conditions are matched by listener name');
  assert.equal(find(second.listeners[1]!.conditions, 'Programmed').lastTransitionTime, base.now, 'unchanged: kept from the first translation');
});

test('a malformed previous status is ignored', () => {
  const status = gatewayStatus({ ...base, previousStatuses: new Map([['Gateway/infra/gw', { conditions: 'nonsense', listeners: [null, 3] }]]) });
  assert.equal(find(status.conditions, 'Accepted').lastTransitionTime, base.now);
});

test('a socket the data plane could not bind: its listeners are PortUnavailable and left out of the IR', () => {
  const result = translate(snapshotOf(objects), { ...base, unavailableSockets: new Map([['UDP/127.0.0.1:53', 'EACCES: permission denied']]) });
  const status = result.statuses.find((s) => s.key === 'Gateway/infra/gw')!.status as unknown as GatewayStatusView;
  const dns = status.listeners.find((l) => l.name === 'dns')!;
  assert.deepEqual([find(dns.conditions, 'Accepted').status, find(dns.conditions, 'Accepted').reason], ['False', 'PortUnavailable']);
  assert.match(find(dns.conditions, 'Accepted').message, /EACCES/);
  assert.equal(find(dns.conditions, 'Programmed').reason, 'PortUnavailable');
  assert.deepEqual(result.ir.sockets.map((s) => s.id), ['HTTP/127.0.0.1:80']);
  assert.equal(find(status.conditions, 'Accepted').reason, 'ListenersNotValid', 'still accepted for its other listener');
});

test('objects of other controllers get no status and the result is sorted by key', () => {
  const others: KubeObject[] = [
    { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'other' }, spec: { controllerName: 'example.com/other' } },
    { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'a', namespace: 'x' }, spec: { gatewayClassName: 'other', listeners: [] } },
  ];
  const keys = translate(snapshotOf([...others, ...objects]), base).statuses.map((s) => s.key);
  assert.deepEqual(keys, ['Gateway/infra/gw', 'GatewayClass/sy']);
});
