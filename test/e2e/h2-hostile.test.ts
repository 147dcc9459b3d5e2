// HTTP/2 hostile input with raw frames (test/helpers/h2-frames.ts) against the node:http2 front:
// each attack ends with GOAWAY and the right error code, and a well-behaved client connected
// during the attack is served all along.
import assert from 'node:assert/strict';
import http2 from 'node:http2';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { cluster, route, simpleIr } from '../../src/dataplane/testing/ir-builder.ts';
import { startProxy, type Proxy } from '../../src/dataplane/testing/harness.ts';
import {
  attack, continuation, ERROR, FLAG, GET_BLOCK, goawayCode, headers, rstStream, settings, windowUpdate,
} from '../helpers/h2-frames.ts';

let backend: net.Server;
let proxy: Proxy;
let client: http2.ClientHttp2Session;

before(async () => {
  backend = net.createServer((s) => {
    s.on('error', () => {});
    s.on('data', () => s.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'));
  });
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  const port = (backend.address() as net.AddressInfo).port;
  proxy = await startProxy(simpleIr([route({ clusterId: 'b' })], [cluster('b', [{ address: '127.0.0.1', port }])]));
  client = http2.connect(`http://127.0.0.1:${proxy.port}`);
});

after(async () => {
  client.close();
  await proxy.close();
  await new Promise((r) => backend.close(r));
});

function get(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = client.request({ ':path': '/', ':authority': 'a' });
    req.on('response', (h) => resolve(Number(h[':status'])));
    req.on('error', reject);
    req.resume();
    req.end();
  });
}

const many = (n: number, make: (i: number) => Buffer) => Buffer.concat(Array.from({ length: n }, (_, i) => make(i)));

const ATTACKS: [what: string, code: number, bytes: Buffer | Buffer[]][] = [
  ['rapid reset (HEADERS then RST_STREAM, 300 streams)', ERROR.ENHANCE_YOUR_CALM,
    many(300, (i) => Buffer.concat([headers(2 * i + 1, GET_BLOCK, FLAG.END_HEADERS), rstStream(2 * i + 1)]))],
  ['CONTINUATION flood (no END_HEADERS)', ERROR.ENHANCE_YOUR_CALM,
    [headers(1, GET_BLOCK, FLAG.END_STREAM), many(1_000, () => continuation(1, Buffer.from([0x00, 0x01, 0x78, 0x01, 0x79])))]],
  ['invalid HPACK (index 0)', ERROR.COMPRESSION_ERROR, headers(1, Buffer.from([0x80]))],
  ['WINDOW_UPDATE overflowing the connection window', ERROR.FLOW_CONTROL_ERROR, windowUpdate(0, 0x7fffffff)],
  ['WINDOW_UPDATE overflowing a stream window', ERROR.FLOW_CONTROL_ERROR, [headers(1, GET_BLOCK, FLAG.END_HEADERS), windowUpdate(1, 0x7fffffff)]],
  ['SETTINGS flood (20,000 frames, ACKs never read)', ERROR.ENHANCE_YOUR_CALM, many(20_000, () => settings())],
];

describe('HTTP/2 hostile input: GOAWAY with the right code, other clients keep being served', () => {
  for (const [what, code, bytes] of ATTACKS) {
    it(`${what} → GOAWAY ${Object.entries(ERROR).find(([, v]) => v === code)![0]}`, async () => {
      const [frames, during] = await Promise.all([attack(proxy.port, bytes), get()]);
      assert.equal(goawayCode(frames), code);
      assert.equal(during, 200);
      assert.equal(await get(), 200, 'the well-behaved client is still served after the attack');
    });
  }
});
