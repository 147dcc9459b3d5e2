// Memory stays flat over a long bounded run (issue "Edge hardening"): 100k requests and 200 applies
// that change the routes, against loopback, with the data plane in a child process run with
// --expose-gc; the heap after forced collections must not grow by more than a few MiB between the
// warmed-up start and the end. No timing assertions: the run is bounded by its request count.
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import type { Ir } from '../../src/ir/index.ts';
import { cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';

const CHILD = new URL('../../src/dataplane/testing/memory-child.ts', import.meta.url).pathname;
const ROUNDS = 200;
const REQUESTS_PER_ROUND = 500;
const CONCURRENCY = 16;
const MAX_GROWTH = 4 * 1024 * 1024;

let backend: http.Server;
let backendPort = 0;
let child: ChildProcess;

before(async () => {
  backend = http.createServer({ keepAliveTimeout: 30_000 }, (_req, res) => res.end('ok'));
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  backendPort = (backend.address() as AddressInfo).port;
  child = fork(CHILD, [], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await next('ready');
});

after(async () => {
  child.kill('SIGKILL');
  await new Promise((r) => backend.close(r));
  backend.closeAllConnections();
});

function next<T = Record<string, unknown>>(type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (msg: { type: string }) => {
      if (msg.type !== type) return;
      child.off('message', on);
      resolve(msg as T);
    };
    child.on('message', on);
  });
}

async function ask<T>(msg: object, reply: string): Promise<T> {
  const answer = next<T>(reply);
  child.send(msg);
  return answer;
}

/** Round `i`'s configuration: the served route stays; `i % 7 + 1` others come and go, so routers and clusters change. */
function irFor(i: number, port: number): Ir {
  const extra = Array.from({ length: (i % 7) + 1 }, (_, k) => route({ id: `httproute/default/extra-${i}-${k}/rule/0/match/0`, match: { path: { type: 'Exact', value: `/extra/${i}/${k}` } }, clusterId: `c${(i + k) % 3}` }));
  const clusters = [0, 1, 2].map((c) => cluster(`c${c}`, [{ address: '127.0.0.1', port: backendPort }]));
  return simpleIr([route({ id: 'httproute/default/main/rule/0/match/0', clusterId: 'c0' }), ...extra], clusters, port, 'HTTP/memory');
}

async function load(port: number, agent: http.Agent, count: number): Promise<number> {
  let failures = 0;
  let sent = 0;
  const worker = async () => {
    while (sent < count) {
      sent++;
      const ok = await new Promise<boolean>((resolve) => {
        const req = http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode === 200));
        });
        req.on('error', () => resolve(false));
      });
      if (!ok) failures++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

it('heap after forced GC grows by less than 4 MiB over 100k requests and 200 route-changing applies', { timeout: 120_000 }, async () => {
  const { port } = await ask<{ port: number }>({ type: 'apply', ir: irFor(0, 0) }, 'applied');
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let failures = 0;
  let baseline = 0;
  for (let i = 1; i <= ROUNDS; i++) {
    await ask({ type: 'apply', ir: irFor(i, port) }, 'applied');
    failures += await load(port, agent, REQUESTS_PER_ROUND);
    if (i === 20) baseline = (await ask<{ used: number }>({ type: 'heap' }, 'heap')).used; // warmed up: JIT, pools, buffers
  }
  const end = (await ask<{ used: number }>({ type: 'heap' }, 'heap')).used;
  agent.destroy();
  assert.equal(failures, 0, 'every request succeeded across the applies');
  assert.ok(end - baseline < MAX_GROWTH, `heap grew by ${((end - baseline) / 1024 / 1024).toFixed(2)} MiB (${baseline} → ${end})`);
});
