// TLSRoute passthrough through the real CLI, mirroring the upstream conformance scenario
// tlsroute-simple-same-namespace: a TLS listener `*.example.com` in Passthrough mode, a TLSRoute
// for abc.example.com to a TLS backend; the client sees the backend's own certificate, and an SNI
// no route covers is refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exchangeOn, tlsConnect, tlsEcho } from '../../src/dataplane/tls/tls-test-kit.ts';
import { selfSigned } from '../helpers/certs.ts';
import { freePort } from '../helpers/ports.ts';
import { startServe } from '../helpers/switchyard.ts';

let dir: string;
let serve: Awaited<ReturnType<typeof startServe>>;
let backend: Awaited<ReturnType<typeof tlsEcho>>;
let port: number;

before(async () => {
  backend = await tlsEcho('tls-backend', await selfSigned({ dnsNames: ['abc.example.com'], commonName: 'tls-backend' }));
  port = await freePort();
  dir = mkdtempSync(join(tmpdir(), 'switchyard-tls-'));
  writeFileSync(join(dir, 'config.yaml'), `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: switchyard }
spec: { controllerName: switchyard.dev/gateway-controller }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gateway-tlsroute, namespace: infra }
spec:
  gatewayClassName: switchyard
  listeners:
    - name: https
      port: ${port}
      protocol: TLS
      hostname: "*.example.com"
      allowedRoutes: { namespaces: { from: Same }, kinds: [{ kind: TLSRoute }] }
      tls: { mode: Passthrough }
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: { name: gateway-conformance-infra-test, namespace: infra }
spec:
  parentRefs: [{ name: gateway-tlsroute }]
  hostnames: [abc.example.com]
  rules:
    - backendRefs: [{ name: tls-backend, port: 8443 }]
---
apiVersion: v1
kind: Service
metadata: { name: tls-backend, namespace: infra }
spec: { ports: [{ name: tls, port: 8443, targetPort: ${backend.port} }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: tls-backend-1, namespace: infra, labels: { kubernetes.io/service-name: tls-backend } }
addressType: IPv4
ports: [{ name: tls, port: ${backend.port} }]
endpoints: [{ addresses: ["127.0.0.1"], conditions: { ready: true } }]
`);
  serve = await startServe([dir]);
});

after(async () => {
  await serve?.stop();
  await backend?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('tlsroute-simple-same-namespace: SNI abc.example.com reaches the backend, whose certificate the client sees', async () => {
  const c = await tlsConnect(port, { servername: 'abc.example.com' });
  assert.equal(c.peerName, 'tls-backend');
  assert.equal(await exchangeOn(c.socket, 'hello'), 'tls-backend:hello');
});

test('an SNI outside the listener hostname, or one no TLSRoute covers, is refused', async () => {
  await assert.rejects(tlsConnect(port, { servername: 'abc.example.org' }));
  await assert.rejects(tlsConnect(port, { servername: 'other.example.com' }));
});
