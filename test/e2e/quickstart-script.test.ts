// The README's quickstart command, run as users run it (`scripts/quickstart.sh`), in its smoke
// mode: it starts the echo backends and the gateway on the example's fixed ports, sends the
// tutorial's requests, checks the answers and stops everything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { occupyPort } from '../helpers/ports.ts';
import { REPO } from '../helpers/switchyard.ts';

async function portsFree(ports: number[]): Promise<boolean> {
  for (const port of ports) {
    try {
      await (await occupyPort('127.0.0.1', port)).close();
    } catch {
      return false;
    }
  }
  return true;
}

test('scripts/quickstart.sh --smoke serves the tutorial\'s answers', async (t) => {
  if (!(await portsFree([5678, 5679, 8080, 9901]))) {
    t.skip('the quickstart\'s fixed ports (5678, 5679, 8080, 9901) are in use on this machine');
    return;
  }
  const result = spawnSync('bash', [join(REPO, 'scripts', 'quickstart.sh'), '--smoke'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
  assert.match(result.stdout, /^my-gateway\s+switchyard\s+127\.0\.0\.1\s+True\s+\S+$/m);
  assert.match(result.stdout, /^Hello from Service A\nHello from Service B$/m);
  assert.match(result.stdout, /quickstart smoke test passed/);
});
