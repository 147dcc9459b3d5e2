// TCPRoute and UDPRoute through the real CLI (`switchyard serve -f DIR`), mirroring the upstream
// GATEWAY-TCP/-UDP conformance scenarios: tcproute-weighted-routing (a 70/30 split between two
// echo backends), udproute-simple (a datagram round trip), and a hot reload that re-points the
// TCPRoute without closing the listening socket.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import net from 'node:net';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tcpEcho, tcpExchange, udpEcho, udpExchange } from '../../src/dataplane/tcp/l4-test-kit.ts';
import { freePort } from '../helpers/ports.ts';
import { startServe } from '../helpers/switchyard.ts';
import { waitFor } from '../helpers/wait.ts';
import { GATEWAY_CLASS_YAML } from '../helpers/manifests.ts';

/** A Service and its EndpointSlice pointing at one loopback port (standalone mode's backends). */
function service(name: string, port: number, protocol: 'TCP' | 'UDP' = 'TCP'): string {
  return `apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: infra }
spec:
  ports: [{ name: p, protocol: ${protocol}, port: ${port}, targetPort: ${port} }]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: ${name}-1, namespace: infra, labels: { kubernetes.io/service-name: ${name} } }
addressType: IPv4
ports: [{ name: p, protocol: ${protocol}, port: ${port} }]
endpoints: [{ addresses: ["127.0.0.1"], conditions: { ready: true } }]
---
`;
}

const GATEWAY = (tcpPort: number, udpPort: number) => GATEWAY_CLASS_YAML + `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: infra }
spec:
  gatewayClassName: switchyard
  listeners:
    - { name: tcp, protocol: TCP, port: ${tcpPort}, allowedRoutes: { kinds: [{ kind: TCPRoute }] } }
    - { name: udp, protocol: UDP, port: ${udpPort}, allowedRoutes: { kinds: [{ kind: UDPRoute }] } }
---
`;

const TCP_ROUTE = (backends: string) => `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: { name: weighted, namespace: infra }
spec:
  parentRefs: [{ name: gw, sectionName: tcp }]
  rules:
    - backendRefs: ${backends}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: UDPRoute
metadata: { name: dns, namespace: infra }
spec:
  parentRefs: [{ name: gw, sectionName: udp }]
  rules:
    - backendRefs: [{ name: udp-backend, port: UDP_PORT }]
`;

let dir: string;
let serve: Awaited<ReturnType<typeof startServe>>;
let v1: Awaited<ReturnType<typeof tcpEcho>>;
let v2: Awaited<ReturnType<typeof tcpEcho>>;
let udp: Awaited<ReturnType<typeof udpEcho>>;
let tcpPort: number;
let udpPort: number;

function writeConfig(backends: string): void {
  const text = GATEWAY(tcpPort, udpPort) + service('tcp-backend-v1', v1.port) + service('tcp-backend-v2', v2.port)
    + service('udp-backend', udp.port, 'UDP') + TCP_ROUTE(backends).replace('UDP_PORT', String(udp.port));
  writeFileSync(join(dir, 'config.yaml'), text);
}

before(async () => {
  [v1, v2, udp] = await Promise.all([tcpEcho('v1'), tcpEcho('v2'), udpEcho('udp')]);
  tcpPort = await freePort();
  udpPort = await freePort();
  dir = mkdtempSync(join(tmpdir(), 'switchyard-l4-'));
  writeConfig(`[{ name: tcp-backend-v1, port: ${v1.port}, weight: 70 }, { name: tcp-backend-v2, port: ${v2.port}, weight: 30 }]`);
  serve = await startServe([dir]);
});

after(async () => {
  await serve?.stop();
  await Promise.all([v1?.close(), v2?.close(), udp?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

test('tcproute-weighted-routing: about 70/30 of 300 connections', async () => {
  let fromV1 = 0;
  for (let i = 0; i < 300; i++) {
    const out = (await tcpExchange(tcpPort, 'ping')).toString();
    assert.match(out, /^v[12]:ping$/);
    if (out.startsWith('v1:')) fromV1++;
  }
  assert.ok(fromV1 > 180 && fromV1 < 240, `v1 got ${fromV1} of 300`);
});

test('udproute-simple: a datagram round trip through the gateway', async () => {
  const client = dgram.createSocket('udp4');
  await new Promise<void>((r) => client.bind(0, '127.0.0.1', r));
  try {
    assert.equal(await udpExchange(client, udpPort, 'query'), 'udp:query');
  } finally {
    client.close();
  }
});

/** True when the IR being served has clusters of every `present` Service and none of the `absent` ones. */
async function servedClusters(present: string[], absent: string[]): Promise<boolean> {
  const ids = Object.keys(((await (await fetch(`http://${serve.admin}/config`)).json()) as { clusters: Record<string, unknown> }).clusters);
  const has = (name: string) => ids.some((id) => id.split('/')[2] === name);
  return present.every(has) && !absent.some(has);
}

test('hot reload re-points the TCPRoute; a connection opened before keeps its backend', async () => {
  writeConfig(`[{ name: tcp-backend-v1, port: ${v1.port}, weight: 1 }]`);
  // /config changes only once every worker serves the new IR: traffic checks alone could see one
  // worker's new routes while another still splits between v1 and v2.
  await waitFor(() => servedClusters(['tcp-backend-v1'], ['tcp-backend-v2']), 'every worker to serve v1 only', 10_000);
  const open = net.connect(tcpPort, '127.0.0.1');
  let read = '';
  open.setEncoding('utf8');
  open.on('data', (d: string) => { read += d; });
  await waitFor(() => read === 'v1:', 'the open connection to reach v1');
  writeConfig(`[{ name: tcp-backend-v2, port: ${v2.port}, weight: 1 }]`);
  await waitFor(() => servedClusters(['tcp-backend-v2'], ['tcp-backend-v1']), 'every worker to serve v2 only', 10_000);
  assert.equal((await tcpExchange(tcpPort, 'y')).toString(), 'v2:y');
  open.write('still');
  await waitFor(() => read === 'v1:still', 'the open connection to keep v1');
  open.destroy();
});
