// Backend connect timeout: a socket still connecting at its deadline is destroyed with ETIMEDOUT;
// one that connected in time, or was never connecting (a reused keep-alive connection), is left alone.
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { test } from 'node:test';
import { watchConnect, watchedConnects } from './connect-deadline.ts';

function fakeSocket(connecting: boolean): Socket & { error: NodeJS.ErrnoException | null } {
  const s = { connecting, destroyed: false, error: null as NodeJS.ErrnoException | null, destroy(err?: Error) { s.destroyed = true; s.error = err ?? null; } };
  return s as unknown as Socket & { error: NodeJS.ErrnoException | null };
}

test('connect deadline: a socket not connected in time is destroyed with ETIMEDOUT', async () => {
  const slow = fakeSocket(true);
  const quick = fakeSocket(true);
  const reused = fakeSocket(false);
  watchConnect(slow, 50);
  watchConnect(quick, 50);
  watchConnect(reused, 50);
  assert.equal(watchedConnects(), 2, 'a connected socket is never watched');
  (quick as { connecting: boolean }).connecting = false;
  await new Promise((r) => setTimeout(r, 250));
  assert.equal(slow.destroyed, true);
  assert.equal(slow.error?.code, 'ETIMEDOUT');
  assert.equal(quick.destroyed, false);
  assert.equal(watchedConnects(), 0);
});
