// Graceful drain of a data plane process on SIGTERM: requests in flight finish, new connections are
// refused, idle keep-alive connections close, and past the deadline whatever is left is cut.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { after, before, it } from 'node:test';
import { startEcho, type EchoServer } from '../../src/cli/echo.ts';
import { cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { request } from '../../src/dataplane/testing/harness.ts';
import { sleep, waitForLine } from '../helpers/wait.ts';

const CHILD = new URL('../../src/dataplane/testing/serve-child.ts', import.meta.url).pathname;
let echo: EchoServer;
before(async () => { echo = await startEcho({ listen: '127.0.0.1:0', name: 'e' }); });
after(async () => { await echo.close(); });

async function spawnDataPlane(drainMs: number): Promise<{ child: ChildProcess; port: number; exited: Promise<number | null> }> {
  const ir = simpleIr([route({ clusterId: 'e' })], [cluster('e', [{ address: '127.0.0.1', port: echo.port }])]);
  const child = spawn(process.execPath, [CHILD], {
    env: { ...process.env, SWITCHYARD_TEST_IR: JSON.stringify(ir), SWITCHYARD_TEST_DRAIN_MS: String(drainMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const line = await waitForLine(child.stdout!, (l) => l.includes('listening'), 'the data plane to listen');
  return { child, port: (JSON.parse(line) as { listening: number[] }).listening[0]!, exited };
}

it('finishes requests in flight, refuses new connections and exits', async () => {
  const { child, port, exited } = await spawnDataPlane(5_000);
  const agent = new http.Agent({ keepAlive: true });
  // An idle keep-alive connection and a request in flight when the drain starts.
  assert.equal((await request(port, { agent })).status, 200);
  const slow = request(port, { path: '/?delayMs=700', agent: new http.Agent({ keepAlive: true }) });
  await sleep(100);
  const started = Date.now();
  child.kill('SIGTERM');
  await sleep(100);
  await assert.rejects(request(port), /ECONNREFUSED/);
  const res = await slow;
  assert.equal(res.status, 200);
  assert.equal(res.headers.connection, 'close', 'the drained connection is not kept alive');
  assert.equal(await exited, 0);
  assert.ok(Date.now() - started < 3_000, 'exited long before the drain deadline');
  agent.destroy();
});

it('cuts what is still running at the deadline', async () => {
  const { child, port, exited } = await spawnDataPlane(300);
  const slow = request(port, { path: '/?delayMs=5000' });
  await sleep(100);
  const started = Date.now();
  child.kill('SIGTERM');
  await assert.rejects(slow);
  assert.equal(await exited, 0);
  assert.ok(Date.now() - started < 2_000);
});
