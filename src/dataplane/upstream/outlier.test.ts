// Outlier ejection (issue "Edge hardening", passive health): consecutive failures eject an endpoint
// for a time that grows with repeated ejections, never more than the max percentage, and it comes back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IrCluster } from '../../ir/index.ts';
import { ClusterRuntime } from './cluster.ts';
import { EndpointPool } from './endpoint-pool.ts';
import { isEjected, pickHealthy, reportFailure, reportStatus, type OutlierOptions } from './outlier.ts';
import type { PoolGeneration } from './pool-registry.ts';

const OPTIONS: OutlierOptions = { consecutiveFailures: 3, baseEjectionMs: 40, maxEjectionMs: 100, maxEjectionPercent: 50 };

function clusterOf(n: number): ClusterRuntime {
  const generation: PoolGeneration = { acquire: (id, e) => new EndpointPool(id, e, { idleTimeoutMs: 1_000, maxSockets: Infinity }), commit() {} };
  const ir: IrCluster = { id: 'c', protocol: 'HTTP', endpoints: Array.from({ length: n }, (_, i) => ({ address: '127.0.0.1', port: 1000 + i })), tls: null };
  return new ClusterRuntime(ir, generation);
}

const fail = (c: ClusterRuntime, pool: EndpointPool, times: number) => { for (let i = 0; i < times; i++) reportFailure(c, pool, OPTIONS); };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('outlier: consecutive failures eject an endpoint; picks skip it until its time is up', async () => {
  const c = clusterOf(2);
  const [bad, good] = c.pools as [EndpointPool, EndpointPool];
  fail(c, bad, 2);
  reportStatus(c, bad, 200, OPTIONS); // a success resets the count
  fail(c, bad, 2);
  assert.equal(isEjected(bad), false);
  reportStatus(c, bad, 503, OPTIONS);
  assert.equal(isEjected(bad), true);
  for (let i = 0; i < 10; i++) assert.equal(pickHealthy(c), good);
  await sleep(60);
  assert.equal(isEjected(bad), false, 'back after the base ejection time');
  assert.ok(Array.from({ length: 10 }, () => pickHealthy(c)).includes(bad));
});

test('outlier: the ejection time grows with repeated ejections, up to the maximum', async () => {
  const c = clusterOf(2);
  const bad = c.pools[0]!;
  fail(c, bad, 3);
  await sleep(60);
  assert.equal(isEjected(bad), false, 'first ejection: 40 ms');
  fail(c, bad, 3);
  await sleep(60);
  assert.equal(isEjected(bad), true, 'second ejection: 80 ms');
  await sleep(40);
  assert.equal(isEjected(bad), false);
});

test('outlier: never more than maxEjectionPercent of a cluster out; with all picks ejected one is used anyway', () => {
  const c = clusterOf(4);
  for (const pool of c.pools) fail(c, pool, 3);
  assert.equal(c.pools.filter((p) => isEjected(p)).length, 2, '50 % of 4');
  const one = clusterOf(1);
  fail(one, one.pools[0]!, 3);
  assert.equal(pickHealthy(one), one.pools[0], 'panic mode: a lone ejected endpoint still serves');
});
