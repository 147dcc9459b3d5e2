/**
 * backendRef resolution: a route's reference to a core Service port becomes an IrCluster whose
 * endpoints come from the Service's EndpointSlices. Every failure is a ResolvedRefs=False reason from
 * the spec, and the reference keeps its weight with `clusterId: null` so the data plane answers 500
 * for that share of requests.
 *
 * Cluster ids name the Service port: `service/<ns>/<name>/port/<port>`. A Service may expose the same
 * port number over TCP and UDP (DNS does), so clusters of UDP Service ports get a `/udp` suffix.
 *
 * A Gateway's backend client certificate (`spec.tls.backend.clientCertificateRef`) belongs to the
 * connection, so Gateways presenting different certificates to one TLS Service port cannot share a
 * pool: such a Gateway's routes use a variant of the cluster, `<cluster id>/client/<certificate id>`
 * (`…/port/443/client/secret/<ns>/<name>`), identical but for `tls.clientCertificate`. Gateways with
 * the same certificate share the variant; clusters without TLS never get one (nothing to present).
 */
import { CORE_GROUP, GATEWAY_GROUP } from '../api/index.ts';
import type { BackendRef, EndpointSlice, Service, ServicePort } from '../api/index.ts';
import type { IrCertificate, IrCluster, IrEndpoint, IrUpstreamTls } from '../ir/index.ts';
import type { Snapshot } from '../store/index.ts';
import { ConditionType, Reason, StatusError } from './conditions.ts';
import type { ReferenceGrants } from './reference-grants.ts';

/** How a route uses a backend: HTTP (HTTPRoute), GRPC (GRPCRoute), TCP (TLS/TCP routes), UDP. */
export type BackendUsage = 'HTTP' | 'GRPC' | 'TCP' | 'UDP';

export interface ResolvedBackend {
  readonly clusterId: string | null;
  readonly weight: number;
  /** Why the reference could not be resolved (a ResolvedRefs=False condition), or null. */
  readonly problem: StatusError | null;
}

/** The object a reference starts from (for ReferenceGrant checks and the default namespace). */
export interface RefOrigin {
  readonly kind: string;
  readonly namespace: string;
  /** objectKey of the route, so that only attached routes decide a cluster's protocol. */
  readonly key: string;
}

/** BackendTLSPolicy settings for a Service port, or null when no policy applies. */
export type BackendTlsLookup = (service: Service, port: ServicePort) => IrUpstreamTls | null;

type Protocol = IrCluster['protocol'];

interface ClusterDraft {
  readonly id: string;
  readonly service: Service;
  readonly port: ServicePort;
  /** Candidate protocols and their priority (see #protocolFor), by the route that asked. */
  readonly protocols: Map<string, { value: Protocol; priority: number }[]>;
}

const refError = (reason: string, message: string) => new StatusError(ConditionType.ResolvedRefs, reason, message);

export class BackendResolver {
  readonly #services = new Map<string, Service>();
  readonly #slices = new Map<string, EndpointSlice[]>();
  readonly #grants: ReferenceGrants;
  readonly #tls: BackendTlsLookup;
  readonly #drafts = new Map<string, ClusterDraft>();
  /** Client-certificate variants by id: the cluster they copy and the certificate they add. */
  readonly #variants = new Map<string, { readonly base: string; readonly certificate: IrCertificate }>();

  constructor(snapshot: Snapshot, grants: ReferenceGrants, tls: BackendTlsLookup) {
    this.#grants = grants;
    this.#tls = tls;
    for (const s of snapshot.services) this.#services.set(`${s.metadata.namespace}/${s.metadata.name}`, s);
    for (const slice of snapshot.endpointSlices) {
      const service = slice.metadata.labels?.['kubernetes.io/service-name'];
      if (!service) continue;
      const key = `${slice.metadata.namespace}/${service}`;
      const list = this.#slices.get(key) ?? [];
      list.push(slice);
      this.#slices.set(key, list);
    }
  }

  /** Resolves one backendRef (or a RequestMirror's backendRef, which has no weight). */
  resolve(ref: BackendRef, origin: RefOrigin, usage: BackendUsage): ResolvedBackend {
    const weight = ref.weight ?? 1;
    const unresolved = (problem: StatusError): ResolvedBackend => ({ clusterId: null, weight, problem });
    const group = ref.group ?? CORE_GROUP;
    const kind = ref.kind ?? 'Service';
    const namespace = ref.namespace ?? origin.namespace;
    const name = `${namespace}/${ref.name}`;
    if (group !== CORE_GROUP || kind !== 'Service') {
      return unresolved(refError(Reason.InvalidKind, `backendRef ${name}: kind ${group ? `${group}/` : ''}${kind} is not supported; only core Service`));
    }
    const permitted = this.#grants.allows({
      fromGroup: GATEWAY_GROUP, fromKind: origin.kind, fromNamespace: origin.namespace,
      toGroup: CORE_GROUP, toKind: 'Service', toNamespace: namespace, toName: ref.name,
    });
    if (!permitted) {
      return unresolved(refError(Reason.RefNotPermitted, `backendRef to Service ${name} is not permitted by any ReferenceGrant in namespace ${namespace}`));
    }
    const service = this.#services.get(name);
    if (!service) return unresolved(refError(Reason.BackendNotFound, `Service ${name} not found`));
    if (ref.port === undefined) return unresolved(refError(Reason.BackendNotFound, `backendRef to Service ${name} has no port`));
    const wanted = usage === 'UDP' ? 'UDP' : 'TCP';
    const ports = (service.spec.ports ?? []).filter((p) => p.port === ref.port);
    const port = ports.find((p) => (p.protocol ?? 'TCP') === wanted);
    if (!port) {
      if (ports.length > 0) {
        return unresolved(refError(Reason.UnsupportedProtocol, `Service ${name} port ${ref.port} is not ${wanted}, which a ${origin.kind} needs`));
      }
      return unresolved(refError(Reason.BackendNotFound, `Service ${name} has no port ${ref.port}`));
    }
    const protocol = this.#protocolFor(service, port, usage);
    if (typeof protocol === 'string') return unresolved(refError(Reason.UnsupportedProtocol, `Service ${name} port ${ref.port}: ${protocol}`));
    const id = `service/${namespace}/${ref.name}/port/${port.port}${wanted === 'UDP' ? '/udp' : ''}`;
    let draft = this.#drafts.get(id);
    if (!draft) {
      draft = { id, service, port, protocols: new Map() };
      this.#drafts.set(id, draft);
    }
    const asked = draft.protocols.get(origin.key) ?? [];
    asked.push(protocol);
    draft.protocols.set(origin.key, asked);
    return { clusterId: id, weight, problem: null };
  }

  /**
   * What to speak to a Service port, with a priority for when several routes share the cluster: an
   * explicit appProtocol (3) beats what a GRPCRoute infers (H2C, 2), which beats an HTTPRoute's
   * inference (HTTP, 1) and raw TCP (0) — a TCP or TLS route only copies bytes, whatever the label.
   * Returns a message when the route kind cannot speak the port's appProtocol (UnsupportedProtocol).
   */
  #protocolFor(service: Service, port: ServicePort, usage: BackendUsage): { value: Protocol; priority: number } | string {
    if (usage === 'TCP') return { value: 'TCP', priority: 0 };
    if (usage === 'UDP') return { value: 'UDP', priority: 0 };
    const app = port.appProtocol?.toLowerCase();
    if (app === undefined || app === '') return usage === 'GRPC' ? { value: 'H2C', priority: 2 } : { value: 'HTTP', priority: 1 };
    const grpc = usage === 'GRPC';
    switch (app) {
      case 'http':
        return grpc ? 'appProtocol http is HTTP/1.1; gRPC needs HTTP/2 (kubernetes.io/h2c)' : { value: 'HTTP', priority: 3 };
      case 'kubernetes.io/h2c':
      case 'h2c':
      case 'grpc':
        return { value: 'H2C', priority: 3 };
      case 'kubernetes.io/ws':
        return grpc ? 'appProtocol kubernetes.io/ws cannot carry gRPC' : { value: 'WS', priority: 3 };
      case 'kubernetes.io/wss':
        return grpc ? 'appProtocol kubernetes.io/wss cannot carry gRPC' : { value: 'WSS', priority: 3 };
      case 'https':
        // TLS to the backend is configured by a BackendTLSPolicy; without one there is no way to
        // know which certificate to trust, so the port cannot be used.
        if (!this.#tls(service, port)) return 'appProtocol https needs a BackendTLSPolicy for the Service';
        return { value: grpc ? 'H2C' : 'HTTP', priority: 3 };
      default:
        return `appProtocol ${port.appProtocol} is not supported for a ${grpc ? 'GRPCRoute' : 'HTTPRoute'}`;
    }
  }

  /**
   * The cluster a Gateway that presents `certificate` to backends uses instead of `clusterId`: a
   * variant carrying the certificate when the cluster speaks TLS, else the cluster itself.
   */
  withClientCertificate(clusterId: string, certificate: IrCertificate): string {
    const draft = this.#drafts.get(clusterId);
    if (!draft || !this.#tls(draft.service, draft.port)) return clusterId;
    const id = `${clusterId}/client/${certificate.id}`;
    this.#variants.set(id, { base: clusterId, certificate });
    return id;
  }

  /**
   * The clusters the IR refers to (`used`), sorted by id. Only routes that attached somewhere
   * (`attached`, by objectKey) have a say in the protocol: a route of another controller must not.
   */
  clusters(used: ReadonlySet<string>, attached: ReadonlySet<string>): Map<string, IrCluster> {
    const out = new Map<string, IrCluster>();
    for (const id of [...used].sort()) {
      const variant = this.#variants.get(id);
      const base = this.#cluster(variant?.base ?? id, attached);
      if (!base) continue;
      out.set(id, variant && base.tls ? { ...base, id, tls: { ...base.tls, clientCertificate: variant.certificate } } : base);
    }
    return out;
  }

  #cluster(id: string, attached: ReadonlySet<string>): IrCluster | null {
    const d = this.#drafts.get(id);
    if (!d) return null;
    let protocol: Protocol = 'TCP';
    let best = -1;
    const candidates = [...d.protocols].filter(([key]) => attached.has(key)).flatMap(([, list]) => list);
    for (const c of candidates.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))) {
      if (c.priority > best) [protocol, best] = [c.value, c.priority];
    }
    return { id, protocol, endpoints: this.#endpoints(d.service, d.port), tls: this.#tls(d.service, d.port) };
  }

  /**
   * Ready endpoints of a Service port. EndpointSlice ports are matched to the Service port by name
   * (an unnamed Service port matches an unnamed slice port); a slice without ports, or a matched port
   * without a number, falls back to a numeric targetPort, then the Service port. Only the first
   * address of an endpoint is used: the API says they are fungible. An ExternalName Service has no
   * slices; its name is the one endpoint.
   */
  #endpoints(service: Service, port: ServicePort): IrEndpoint[] {
    const fallback = typeof port.targetPort === 'number' ? port.targetPort : port.port;
    if (service.spec.type === 'ExternalName' && service.spec.externalName) {
      return [{ address: service.spec.externalName.toLowerCase(), port: fallback }];
    }
    const found = new Map<string, IrEndpoint>();
    const portName = port.name ?? '';
    for (const slice of this.#slices.get(`${service.metadata.namespace}/${service.metadata.name}`) ?? []) {
      let number = fallback;
      if (slice.ports && slice.ports.length > 0) {
        const match = slice.ports.find((p) => (p.name ?? '') === portName);
        if (!match) continue;
        number = match.port ?? fallback;
      }
      for (const endpoint of slice.endpoints ?? []) {
        if (endpoint.conditions?.ready === false) continue;
        const address = endpoint.addresses[0];
        if (address === undefined) continue;
        found.set(`${address}|${number}`, { address, port: number });
      }
    }
    return [...found.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : a.port - b.port));
  }
}
