/**
 * The upstream conformance manifests, read in place from ../shared/gateway-api (never copied), and
 * the few rewrites standalone mode needs — nothing else is changed:
 * - `{GATEWAY_CLASS_NAME}` → a GatewayClass of Switchyard's controller (the suite creates it too);
 * - listener ports → free ports, one per (Gateway, upstream port), and every parentRef `port` and
 *   Gateway `tls.frontend.perPort[].port` the same way, so 80/443/8080 need no root and concurrent
 *   runs do not collide;
 * - the static-address placeholders → the addresses a suite run is given (`--usable-network-addresses`,
 *   `--unusable-network-addresses`): 127.0.0.2, a loopback address this host can bind, and 192.0.2.1
 *   (TEST-NET-1), one it cannot;
 * - Deployments → recorded as echo backends to start (harness/backends.ts), then dropped: standalone
 *   mode runs no workloads; each Service selecting one gets an EndpointSlice pointing at its echo
 *   process, as the cluster's EndpointSlice controller would write it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CONTROLLER_NAME } from '../../../src/api/index.ts';
import { REPO } from '../../helpers/switchyard.ts';
import { tlsServingOf, type TlsServing } from './backend-tls.ts';

export const UPSTREAM = join(REPO, '..', 'shared', 'gateway-api', 'conformance');
export const UPSTREAM_PRESENT = existsSync(join(UPSTREAM, 'base', 'manifests.yaml'));
export const GATEWAY_CLASS = 'switchyard-conformance';

// The suite's own convention: objects are plain YAML trees.
export type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const GATEWAY_CLASS_OBJECT: Obj = {
  apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass',
  metadata: { name: GATEWAY_CLASS }, spec: { controllerName: CONTROLLER_NAME },
};

/** Parses one upstream manifest file, placeholders filled. */
export function readUpstream(file: string): Obj[] {
  const text = readFileSync(join(UPSTREAM, file), 'utf8')
    .replaceAll('{GATEWAY_CLASS_NAME}', GATEWAY_CLASS)
    .replaceAll('{GATEWAY_CONTROLLER_NAME}', CONTROLLER_NAME);
  return parseAllDocuments(text).map((d) => d.toJS() as Obj | null).filter((o): o is Obj => o !== null);
}

/** A Deployment's echo backend: the pod it stands for and the labels its Services select. */
export interface BackendSpec {
  readonly namespace: string;
  readonly deployment: string;
  readonly labels: Readonly<Record<string, string>>;
  /** What the echo-basic container is told to serve (its env), or coredns. */
  readonly serves: 'http' | 'grpc' | 'tcp' | 'udp' | 'dns';
  /** An HTTP echo serving TLS (TLS_SERVER_CERT): its certificate's Secret (backend-tls.ts). */
  readonly tls?: TlsServing | undefined;
}

function servesOf(deployment: Obj): BackendSpec['serves'] {
  const container = deployment.spec?.template?.spec?.containers?.[0] ?? {};
  const env = new Set((container.env ?? []).map((e: Obj) => e.name));
  if (String(container.image ?? '').includes('coredns')) return 'dns';
  return env.has('GRPC_ECHO_SERVER') ? 'grpc' : env.has('TCP_ECHO_SERVER') ? 'tcp' : env.has('UDP_ECHO_SERVER') ? 'udp' : 'http';
}

export function backendsOf(objects: readonly Obj[]): BackendSpec[] {
  return objects.filter((o) => o.kind === 'Deployment').map((o) => ({
    namespace: o.metadata.namespace ?? 'default',
    deployment: o.metadata.name,
    labels: o.spec?.template?.metadata?.labels ?? {},
    serves: servesOf(o),
    tls: tlsServingOf(o),
  }));
}

/** Allocated free ports by `namespace/gateway:upstreamPort`. */
export type PortMap = ReadonlyMap<string, number>;

export const portKey = (gateway: string, port: number) => `${gateway}:${port}`;

/** Every (Gateway, listener port) a set of objects uses, as port-map keys. */
export function listenerPorts(objects: readonly Obj[]): string[] {
  const keys = new Set<string>();
  for (const o of objects) {
    const gateway = listenerOwner(o);
    for (const l of gateway ? o.spec.listeners ?? [] : []) keys.add(portKey(gateway!, l.port));
  }
  return [...keys];
}

/** The Gateway whose address a Gateway's or ListenerSet's listeners bind. */
function listenerOwner(o: Obj): string | null {
  const ns = o.metadata?.namespace ?? 'default';
  if (o.kind === 'Gateway') return `${ns}/${o.metadata.name}`;
  if (o.kind === 'ListenerSet') return `${o.spec.parentRef.namespace ?? ns}/${o.spec.parentRef.name}`;
  return null;
}

const ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

/**
 * Rewrites objects for standalone mode (a deep copy): ports through `ports`, Deployments dropped,
 * EndpointSlices added for Services that select a backend in `endpoints` (by `namespace/deployment`).
 */
export const USABLE_ADDRESS = '127.0.0.2';
export const UNUSABLE_ADDRESS = '192.0.2.1';
const ADDRESS_PLACEHOLDERS: Record<string, string> = { PLACEHOLDER_USABLE_ADDRS: USABLE_ADDRESS, PLACEHOLDER_UNUSABLE_ADDRS: UNUSABLE_ADDRESS };

export function forStandalone(objects: readonly Obj[], ports: PortMap, endpoints: ReadonlyMap<string, number>, backends: readonly BackendSpec[]): Obj[] {
  const copy = structuredClone(objects.filter((o) => o.kind !== 'Deployment')) as Obj[];
  for (const gw of copy.filter((o) => o.kind === 'Gateway')) {
    for (const a of gw.spec.addresses ?? []) {
      if (ADDRESS_PLACEHOLDERS[a.value] !== undefined) Object.assign(a, { type: 'IPAddress', value: ADDRESS_PLACEHOLDERS[a.value] });
    }
  }
  const mapPort = (gateway: string, port: number) => ports.get(portKey(gateway, port)) ?? port;
  const listenerSets = new Map(copy.filter((o) => o.kind === 'ListenerSet').map((o) => [`${o.metadata.namespace ?? 'default'}/${o.metadata.name}`, o]));
  for (const o of copy) {
    const ns = o.metadata?.namespace ?? 'default';
    const owner = listenerOwner(o);
    if (owner) for (const l of o.spec.listeners ?? []) l.port = mapPort(owner, l.port);
    // Frontend client-certificate validation per port names listener ports too.
    if (o.kind === 'Gateway') for (const p of o.spec.tls?.frontend?.perPort ?? []) p.port = mapPort(owner!, p.port);
    if (ROUTE_KINDS.has(o.kind)) {
      for (const ref of o.spec?.parentRefs ?? []) {
        if (ref.port === undefined) continue;
        const parentNs = ref.namespace ?? ns;
        if ((ref.kind ?? 'Gateway') === 'Gateway') ref.port = mapPort(`${parentNs}/${ref.name}`, ref.port);
        const set = ref.kind === 'ListenerSet' ? listenerSets.get(`${parentNs}/${ref.name}`) : undefined;
        if (set) ref.port = mapPort(listenerOwner(set)!, ref.port);
      }
    }
  }
  const slices = copy.filter((o) => o.kind === 'Service').flatMap((svc) => endpointSlice(svc, endpoints, backends));
  return [...copy, ...slices];
}

function endpointSlice(svc: Obj, endpoints: ReadonlyMap<string, number>, backends: readonly BackendSpec[]): Obj[] {
  const ns = svc.metadata.namespace ?? 'default';
  const selector: Record<string, string> = svc.spec?.selector ?? {};
  if (Object.keys(selector).length === 0) return [];
  const backend = backends.find((b) => b.namespace === ns && Object.entries(selector).every(([k, v]) => b.labels[k] === v));
  const port = backend && endpoints.get(`${ns}/${backend.deployment}`);
  if (!port) return [];
  // A backend serving several container ports (the TCP echo's plain and TLS ports) has one entry per port.
  const portFor = (p: Obj) => endpoints.get(`${ns}/${backend.deployment}:${p.targetPort ?? p.port}`) ?? port;
  return [{
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: { name: `${svc.metadata.name}-standalone`, namespace: ns, labels: { 'kubernetes.io/service-name': svc.metadata.name } },
    addressType: 'IPv4',
    // A Service port reaches the echo's port for its targetPort when the echo has one (the h2c
    // port 3001, the TCP echo's TLS port), else the one echo port (ws, …).
    ports: (svc.spec.ports ?? []).map((p: Obj) => ({ ...(p.name !== undefined && { name: p.name }), port: portFor(p), protocol: p.protocol ?? 'TCP' })),
    endpoints: [{ addresses: ['127.0.0.1'], conditions: { ready: true } }],
  }];
}
