// One Gateway's share of the IR carries its own edge limits only: a socket shared in the full IR
// (strictest of every Gateway on it) is recomputed from that Gateway's listeners.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Ir, IrListener, IrSocketLimits } from '../ir/index.ts';
import { listener } from '../dataplane/testing/ir-builder.ts';
import { gatewayIr } from './gateway-ir.ts';

const NONE: IrSocketLimits = { requestMs: null, streamIdleMs: null, connectMs: null, routeTimeoutMs: null, downstreamIdleMs: null, maxConnections: null, xffNumTrustedHops: null };
const of = (gateway: string, limits?: Partial<IrSocketLimits>): IrListener => ({
  ...listener(gateway, `${gateway}.example.com`, []), gateway: { kind: 'Gateway', namespace: 'default', name: gateway },
  ...(limits && { limits: { ...NONE, ...limits } }),
});

test('gatewayIr: socket limits come from the Gateway\'s own listeners, not its neighbours\'', () => {
  const ir: Ir = {
    sockets: [{ id: 'HTTP/0.0.0.0:80', protocol: 'HTTP', address: '0.0.0.0', port: 80, listeners: [of('strict', { maxConnections: 10 }), of('loose'), of('mid', { maxConnections: 500 })], limits: { ...NONE, maxConnections: 10 } }],
    clusters: {},
  };
  assert.equal(gatewayIr(ir, 'default', 'strict').sockets[0]!.limits?.maxConnections, 10);
  assert.equal(gatewayIr(ir, 'default', 'mid').sockets[0]!.limits?.maxConnections, 500);
  assert.equal('limits' in gatewayIr(ir, 'default', 'loose').sockets[0]!, false, 'no limits of its own: the defaults');
});
