// GRPCRoute through the real CLI with a real gRPC client and servers (@grpc/grpc-js): h2c with prior
// knowledge on an HTTP listener and ALPN h2 on an HTTPS listener, to h2c backends; all four call
// shapes; trailers relayed; method and header matches; header modifiers; weighted backends; and the
// gateway's own answers as gRPC statuses (no route → UNIMPLEMENTED, unresolvable backend or no
// endpoints → UNAVAILABLE).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { createCa } from '../helpers/certs.ts';
import { echoClient, startGrpcEcho, unary, unaryTo, type EchoClientInstance } from '../helpers/grpc.ts';
import { freePort } from '../helpers/ports.ts';
import { startServe } from '../helpers/switchyard.ts';

const ca = await createCa({ commonName: 'grpc e2e CA' });
const cert = await ca.sign!({ dnsNames: ['grpc.example.com', '*.example.com'] });
const b64 = (s: string) => Buffer.from(s).toString('base64');

let dir: string;
let h2cPort: number;
let tlsPort: number;
let a: Awaited<ReturnType<typeof startGrpcEcho>>;
let b: Awaited<ReturnType<typeof startGrpcEcho>>;
let serve: Awaited<ReturnType<typeof startServe>>;
const clients: grpc.Client[] = [];

const service = (name: string, port: number | null) => `---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: infra }
spec: { ports: [{ name: grpc, port: 9000, appProtocol: kubernetes.io/h2c, targetPort: ${port ?? 1} }] }
${port === null ? '' : `---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: ${name}-1, namespace: infra, labels: { kubernetes.io/service-name: ${name} } }
addressType: IPv4
ports: [{ name: grpc, port: ${port} }]
endpoints: [{ addresses: ["127.0.0.1"], conditions: { ready: true } }]
`}`;

before(async () => {
  [a, b] = await Promise.all([startGrpcEcho('echo-a'), startGrpcEcho('echo-b')]);
  [h2cPort, tlsPort] = [await freePort(), await freePort()];
  dir = mkdtempSync(join(tmpdir(), 'switchyard-grpc-'));
  writeFileSync(join(dir, 'config.yaml'), `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: switchyard }
spec: { controllerName: switchyard.dev/gateway-controller }
---
apiVersion: v1
kind: Secret
metadata: { name: grpc-cert, namespace: infra }
type: kubernetes.io/tls
data: { tls.crt: ${b64(cert.certPem)}, tls.key: ${b64(cert.keyPem)} }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: infra }
spec:
  gatewayClassName: switchyard
  listeners:
    - { name: h2c, port: ${h2cPort}, protocol: HTTP, allowedRoutes: { kinds: [{ kind: GRPCRoute }] } }
    - name: tls
      port: ${tlsPort}
      protocol: HTTPS
      allowedRoutes: { kinds: [{ kind: GRPCRoute }] }
      tls: { certificateRefs: [{ name: grpc-cert }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: echo, namespace: infra }
spec:
  parentRefs: [{ name: gw }]
  hostnames: [grpc.example.com]
  rules:
    - matches: [{ method: { service: switchyard.test.Echo, method: Unary }, headers: [{ name: x-canary, value: "yes" }] }]
      filters:
        - { type: RequestHeaderModifier, requestHeaderModifier: { add: [{ name: x-added, value: by-gateway }] } }
        - { type: ResponseHeaderModifier, responseHeaderModifier: { set: [{ name: x-route, value: canary }] } }
      backendRefs: [{ name: echo-b, port: 9000 }]
    - matches: [{ method: { service: switchyard.test.Echo } }]
      backendRefs: [{ name: echo-a, port: 9000 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: weighted, namespace: infra }
spec:
  parentRefs: [{ name: gw }]
  hostnames: [weighted.example.com]
  rules: [{ backendRefs: [{ name: echo-a, port: 9000, weight: 3 }, { name: echo-b, port: 9000, weight: 1 }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: broken, namespace: infra }
spec:
  parentRefs: [{ name: gw }]
  hostnames: [missing.example.com]
  rules: [{ backendRefs: [{ name: does-not-exist, port: 9000 }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: empty, namespace: infra }
spec:
  parentRefs: [{ name: gw }]
  hostnames: [empty.example.com]
  rules: [{ backendRefs: [{ name: no-endpoints, port: 9000 }] }]
${service('echo-a', a.port)}${service('echo-b', b.port)}${service('no-endpoints', null)}`);
  serve = await startServe([dir]);
});

after(async () => {
  for (const c of clients) c.close();
  await Promise.all([serve?.stop(), a?.close(), b?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

function h2c(authority = 'grpc.example.com'): EchoClientInstance {
  const c = echoClient(h2cPort, authority);
  clients.push(c);
  return c;
}

function overTls(authority = 'grpc.example.com'): EchoClientInstance {
  const c = echoClient(tlsPort, authority, { ca: ca.certPem, servername: authority });
  clients.push(c);
  return c;
}

test('unary over h2c and over TLS (ALPN h2) reaches the backend, which sees X-Forwarded-Proto', async () => {
  for (const [client, proto] of [[h2c(), 'http'], [overTls(), 'https']] as const) {
    const seen = JSON.parse(await unary(client, 'hello')) as { name: string; text: string; headers: Record<string, string> };
    assert.equal(seen.name, 'echo-a');
    assert.equal(seen.text, 'hello');
    assert.equal(seen.headers['x-forwarded-proto'], proto);
  }
});

test('client, server and bidirectional streaming, with trailers relayed', async () => {
  for (const client of [h2c(), overTls()]) {
    const call = client as unknown as Record<string, (...args: unknown[]) => grpc.ClientDuplexStream<Buffer, Buffer>>;
    // client streaming
    const summed = await new Promise<string>((resolve, reject) => {
      const s = call.clientStream!((err: Error | null, reply: Buffer) => (err ? reject(err) : resolve(reply.toString()))) as unknown as grpc.ClientWritableStream<Buffer>;
      for (const part of ['x', 'y', 'z']) s.write(Buffer.from(part));
      s.end();
    });
    assert.equal(summed, 'echo-a:x,y,z');
    // server streaming, trailers: the backend's x-served-by arrives with the status
    const stream = call.serverStream!(Buffer.from('50')) as unknown as grpc.ClientReadableStream<Buffer>;
    const got: string[] = [];
    const status = await new Promise<grpc.StatusObject>((resolve, reject) => {
      stream.on('data', (m: Buffer) => got.push(m.toString()));
      stream.on('status', resolve);
      stream.on('error', reject);
    });
    assert.equal(got.length, 50);
    assert.equal(got[49], 'echo-a:49');
    assert.equal(status.code, grpc.status.OK);
    assert.deepEqual(status.metadata.get('x-served-by'), ['echo-a']);
    // bidi: each message answered before the next is sent
    const bidi = call.bidi!();
    const replies: string[] = [];
    for (const word of ['one', 'two', 'three']) {
      bidi.write(Buffer.from(word));
      replies.push(await new Promise<string>((r) => bidi.once('data', (m: Buffer) => r(m.toString()))));
    }
    bidi.end();
    assert.deepEqual(replies, ['echo-a:one', 'echo-a:two', 'echo-a:three']);
  }
});

test('a backend error status reaches the client unchanged', async () => {
  await assert.rejects(unary(h2c(), 'fail:9'), (err: grpc.ServiceError) => err.code === grpc.status.FAILED_PRECONDITION);
});

test('header match and header modifiers: x-canary: yes goes to echo-b with the added header and the response header', async () => {
  const md = new grpc.Metadata();
  md.set('x-canary', 'yes');
  const client = h2c();
  const headers = await new Promise<grpc.Metadata>((resolve, reject) => {
    const c = (client as unknown as Record<string, (...args: unknown[]) => grpc.ClientUnaryCall>).unary!(Buffer.from('hi'), md, (err: Error | null) => { if (err) reject(err); });
    c.on('metadata', resolve);
  });
  assert.deepEqual(headers.get('x-route'), ['canary']);
  const seen = JSON.parse(await unary(client, 'hi', md)) as { name: string; headers: Record<string, string> };
  assert.equal(seen.name, 'echo-b');
  assert.equal(seen.headers['x-added'], 'by-gateway');
});

test('weighted backends: about 3:1', async () => {
  const client = h2c('weighted.example.com');
  let toA = 0;
  for (let i = 0; i < 200; i++) if ((JSON.parse(await unary(client, 'w')) as { name: string }).name === 'echo-a') toA++;
  assert.ok(toA > 125 && toA < 175, `echo-a got ${toA} of 200`);
});

test('the gateway answers in gRPC: no route UNIMPLEMENTED, unresolvable backend and no endpoints UNAVAILABLE', async () => {
  for (const client of [h2c(), overTls()]) {
    await assert.rejects(unaryTo(client, '/other.Service/Nope', 'x'), (err: grpc.ServiceError) => err.code === grpc.status.UNIMPLEMENTED);
  }
  await assert.rejects(unary(h2c('missing.example.com'), 'x'), (err: grpc.ServiceError) => err.code === grpc.status.UNAVAILABLE);
  await assert.rejects(unary(h2c('empty.example.com'), 'x'), (err: grpc.ServiceError) => err.code === grpc.status.UNAVAILABLE);
});
