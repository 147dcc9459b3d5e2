// The echo backend's JSON answer carries what conformance scenarios assert: which pod in which
// namespace answered (the upstream echo's `pod` and `namespace`) and the request as it arrived.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startEcho } from './echo.ts';

test('JSON answer: pod, namespace, method, path with query, host and headers', async () => {
  const echo = await startEcho({ listen: '127.0.0.1:0', name: 'infra-backend-v1-0', namespace: 'gateway-conformance-infra' });
  try {
    const res = await fetch(`${echo.url}/some/path?a=1`, { headers: { 'x-test': 'yes' } });
    const body = await res.json() as Record<string, unknown>;
    assert.equal(body.pod, 'infra-backend-v1-0');
    assert.equal(body.name, 'infra-backend-v1-0');
    assert.equal(body.namespace, 'gateway-conformance-infra');
    assert.equal(body.method, 'GET');
    assert.equal(body.path, '/some/path?a=1');
    assert.equal(body.host, `127.0.0.1:${echo.port}`);
    assert.equal((body.headers as Record<string, string>)['x-test'], 'yes');
  } finally {
    await echo.close();
  }
});

test('JSON answer without --namespace reports namespace null', async () => {
  const echo = await startEcho({ listen: '127.0.0.1:0' });
  try {
    const body = await (await fetch(echo.url)).json() as Record<string, unknown>;
    assert.equal(body.namespace, null);
    assert.equal(body.pod, 'echo');
  } finally {
    await echo.close();
  }
});
