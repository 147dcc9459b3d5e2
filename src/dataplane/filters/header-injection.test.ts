// Defence in depth against header injection: a header modifier whose value carries CR, LF or NUL
// (which the translator already refuses) fails the apply; the data plane never writes it, and the
// configuration applied before keeps serving.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IrHeaderModifierFilter } from '../../ir/index.ts';
import { route, simpleIr } from '../testing/ir-builder.ts';
import { request, startProxy } from '../testing/harness.ts';
import { compileHeaderModifier } from './header-modifier.ts';

const modifier = (value: string, name = 'X-A'): IrHeaderModifierFilter => ({ type: 'ResponseHeaderModifier', set: [{ name, value }], add: [], remove: [] });
const redirect = { type: 'RequestRedirect', scheme: null, hostname: null, path: null, port: null, statusCode: 302 } as const;

test('header injection: values with CR, LF or NUL, and bad names, are refused at compile time', () => {
  for (const value of ['a\r\nX-Injected: 1', 'a\nb', 'a\rb', 'a\0b']) assert.throws(() => compileHeaderModifier(modifier(value)), /refusing to emit header/);
  assert.throws(() => compileHeaderModifier(modifier('v', 'X A')), /refusing to emit header/);
  assert.doesNotThrow(() => compileHeaderModifier(modifier('a\tb c')));
});

test('header injection: an IR carrying one fails the apply and the previous configuration keeps serving', async () => {
  const proxy = await startProxy(simpleIr([route({ filters: [redirect, modifier('ok')] })], [], 0, 'HTTP/test'));
  try {
    await assert.rejects(proxy.dataPlane.apply(simpleIr([route({ filters: [redirect, modifier('x\r\nSet-Cookie: a=b')] })], [], proxy.port, 'HTTP/test')), /refusing to emit header/);
    const res = await request(proxy.port, { headers: { host: 'a' } });
    assert.equal(res.status, 302);
    assert.equal(res.headers['x-a'], 'ok');
    assert.equal(res.headers['set-cookie'], undefined);
  } finally {
    await proxy.close();
  }
});
