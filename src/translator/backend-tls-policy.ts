/**
 * BackendTLSPolicy (v1): TLS from the gateway to a Service's endpoints.
 *
 * Two steps share one pure resolution (`resolveBackendTls`):
 *  - the route phase asks it for the IrUpstreamTls of each Service port while building clusters;
 *  - `translateBackendTlsPolicies` writes each policy's status: one ancestor entry per Gateway of
 *    ours through which a route uses a targeted Service port (GEP-713: the Gateway is the ancestor).
 *
 * A policy that applies but cannot be honoured (no valid CA certificate, unknown well-known CA set)
 * still governs its Service: the cluster gets TLS with an empty trust store and no system CAs, so
 * every handshake fails and clients get a 5xx — what the spec requires for invalid CA references.
 */
import { CORE_GROUP, GATEWAY_GROUP } from '../api/index.ts';
import type { BackendTlsPolicy, Service, ServicePort } from '../api/index.ts';
import type { IrUpstreamTls } from '../ir/index.ts';
import { objectKey } from '../store/index.ts';
import { ConditionType, Reason, condition, stampConditions } from './conditions.ts';
import type { PendingCondition } from './conditions.ts';
import type { RouteTranslation, TranslationContext } from './context.ts';
import type { BackendTlsLookup } from './backend-refs.ts';
import { compareAge, generationOf, previousEntries } from './routes/object-order.ts';
import type { ObjectStatus } from './types.ts';

/** What one policy amounts to, independent of where it is used. */
interface PolicyOutcome {
  readonly policy: BackendTlsPolicy;
  readonly accepted: PendingCondition;
  readonly resolvedRefs: PendingCondition;
  readonly tls: IrUpstreamTls;
  /** Targets it governs: `<ns>/<service>/<sectionName or empty>`, only those it won. */
  readonly targets: ReadonlySet<string>;
}

export interface BackendTlsResolution {
  readonly lookup: BackendTlsLookup;
  readonly outcomes: readonly PolicyOutcome[];
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** Validates every policy, settles conflicts, and indexes the winners by Service port. */
export function resolveBackendTls(ctx: TranslationContext): BackendTlsResolution {
  const services = new Map(ctx.snapshot.services.map((s) => [`${s.metadata.namespace}/${s.metadata.name}`, s]));
  const policies = [...ctx.snapshot.backendTlsPolicies].sort(compareAge);
  // GEP-713 conflict resolution: per target (Service + sectionName) the oldest policy, then the
  // first by namespace/name, wins; the others are Conflicted there.
  const winners = new Map<string, BackendTlsPolicy>();
  const lost = new Set<BackendTlsPolicy>();
  const found = new Map<BackendTlsPolicy, string[]>();
  const missing = new Map<BackendTlsPolicy, string>();
  for (const policy of policies) {
    const ns = policy.metadata.namespace;
    const targets: string[] = [];
    for (const ref of policy.spec.targetRefs ?? []) {
      const service = ref.group === CORE_GROUP && ref.kind === 'Service' ? services.get(`${ns}/${ref.name}`) : undefined;
      const portOk = service && (!ref.sectionName || (service.spec.ports ?? []).some((p) => p.name === ref.sectionName));
      if (!service || !portOk) {
        if (!missing.has(policy)) missing.set(policy, `targetRef ${ref.kind} ${ns}/${ref.name}${ref.sectionName ? ` port ${ref.sectionName}` : ''} not found`);
        continue;
      }
      const key = `${ns}/${ref.name}/${ref.sectionName ?? ''}`;
      if (winners.has(key)) lost.add(policy);
      else {
        winners.set(key, policy);
        targets.push(key);
      }
    }
    found.set(policy, targets);
  }

  const outcomes: PolicyOutcome[] = [];
  const byPolicy = new Map<BackendTlsPolicy, PolicyOutcome>();
  for (const policy of policies) {
    const { tls, accepted, resolvedRefs } = validate(ctx, policy);
    const targets = found.get(policy) ?? [];
    let acceptedCondition = accepted;
    if (accepted.status === 'True' && lost.has(policy)) {
      acceptedCondition = condition(ConditionType.Accepted, false, Reason.Conflicted, 'An older BackendTLSPolicy already targets the same Service and sectionName');
    } else if (accepted.status === 'True' && targets.length === 0) {
      acceptedCondition = condition(ConditionType.Accepted, false, Reason.TargetNotFound, missing.get(policy) ?? 'No target found');
    }
    const outcome = { policy, accepted: acceptedCondition, resolvedRefs, tls, targets: new Set(targets) };
    outcomes.push(outcome);
    byPolicy.set(policy, outcome);
  }

  const lookup: BackendTlsLookup = (service: Service, port: ServicePort) => {
    const base = `${service.metadata.namespace}/${service.metadata.name}/`;
    // A policy naming the port (sectionName) is more specific than one for the whole Service.
    const policy = (port.name ? winners.get(base + port.name) : undefined) ?? winners.get(base);
    return policy ? byPolicy.get(policy)!.tls : null;
  };
  return { lookup, outcomes };
}

function validate(ctx: TranslationContext, policy: BackendTlsPolicy): { tls: IrUpstreamTls; accepted: PendingCondition; resolvedRefs: PendingCondition } {
  const v = policy.spec.validation;
  const ns = policy.metadata.namespace;
  const pems: string[] = [];
  const problems: { reason: string; message: string }[] = [];
  for (const ref of v.caCertificateRefs ?? []) {
    if (ref.group !== CORE_GROUP || ref.kind !== 'ConfigMap') {
      problems.push({ reason: Reason.InvalidKind, message: `caCertificateRef ${ref.group ? `${ref.group}/` : ''}${ref.kind} ${ref.name}: only core ConfigMap is supported` });
      continue;
    }
    const configMap = ctx.snapshot.configMaps.find((c) => c.metadata.namespace === ns && c.metadata.name === ref.name);
    const pem = configMap?.data?.['ca.crt'];
    if (!configMap) problems.push({ reason: Reason.InvalidCACertificateRef, message: `ConfigMap ${ns}/${ref.name} not found` });
    else if (!pem || !PEM_CERT.test(pem)) problems.push({ reason: Reason.InvalidCACertificateRef, message: `ConfigMap ${ns}/${ref.name} has no PEM certificate under key ca.crt` });
    else pems.push(pem);
  }
  const wellKnown = v.wellKnownCACertificates;
  const useSystemCa = wellKnown === 'System';
  const subjectAltNames = (v.subjectAltNames ?? []).map((san) => ({ type: san.type, value: san.type === 'URI' ? san.uri ?? '' : (san.hostname ?? '').toLowerCase() }));
  const tls: IrUpstreamTls = { hostname: v.hostname.toLowerCase(), caCertificatesPem: pems, useSystemCa, subjectAltNames, clientCertificate: null };
  // Unusable policies keep governing their Service with a trust store that accepts nothing.
  const refuseAll: IrUpstreamTls = { ...tls, caCertificatesPem: [], useSystemCa: false };

  const resolvedRefs = problems.length === 0
    ? condition(ConditionType.ResolvedRefs, true, Reason.ResolvedRefs, 'All references resolved')
    : condition(ConditionType.ResolvedRefs, false, problems[0]!.reason, problems.map((p) => p.message).join('; '));
  const hasRefs = (v.caCertificateRefs ?? []).length > 0;
  if (hasRefs && wellKnown) {
    return { tls: refuseAll, resolvedRefs, accepted: condition(ConditionType.Accepted, false, Reason.Invalid, 'caCertificateRefs and wellKnownCACertificates are mutually exclusive') };
  }
  if (!hasRefs && !wellKnown) {
    return { tls: refuseAll, resolvedRefs, accepted: condition(ConditionType.Accepted, false, Reason.Invalid, 'One of caCertificateRefs or wellKnownCACertificates is required') };
  }
  if (wellKnown && !useSystemCa) {
    return { tls: refuseAll, resolvedRefs, accepted: condition(ConditionType.Accepted, false, Reason.Invalid, `wellKnownCACertificates ${wellKnown} is not supported; only System`) };
  }
  if (hasRefs && pems.length === 0) {
    return { tls: refuseAll, resolvedRefs, accepted: condition(ConditionType.Accepted, false, Reason.NoValidCACertificate, 'None of the caCertificateRefs is a valid CA certificate') };
  }
  return { tls, resolvedRefs, accepted: condition(ConditionType.Accepted, true, Reason.Accepted, 'Policy accepted') };
}

/**
 * Statuses of the policies used through our Gateways. The Gateways come from the route phase's
 * output: every cluster a listener's routes send to (backends, backend filters, mirrors) names a
 * Service port; a listener id names its Gateway, or its ListenerSet whose parentRef does.
 */
export function translateBackendTlsPolicies(ctx: TranslationContext, translation: RouteTranslation): ObjectStatus[] {
  const { outcomes } = resolveBackendTls(ctx);
  const gatewaysByCluster = clusterUsers(ctx, translation);
  const services = new Map(ctx.snapshot.services.map((s) => [`${s.metadata.namespace}/${s.metadata.name}`, s]));
  const statuses: ObjectStatus[] = [];
  for (const outcome of outcomes) {
    const { policy } = outcome;
    const ns = policy.metadata.namespace;
    const gateways = new Set<string>();
    for (const [clusterId, users] of gatewaysByCluster) {
      const m = /^service\/([^/]+)\/([^/]+)\/port\/(\d+)/.exec(clusterId);
      if (!m || m[1] !== ns) continue;
      const port = services.get(`${m[1]}/${m[2]}`)?.spec.ports?.find((p) => p.port === Number(m[3]));
      const targeted = (policy.spec.targetRefs ?? []).some((r) =>
        r.group === CORE_GROUP && r.kind === 'Service' && r.name === m[2] && (!r.sectionName || r.sectionName === port?.name));
      if (targeted) for (const g of users) gateways.add(g);
    }
    if (gateways.size === 0) continue;
    const previous = previousEntries(ctx, objectKey(policy), 'ancestors');
    const ancestors = [...gateways].sort().map((g) => {
      const [gwNamespace, gwName] = g.split('/') as [string, string];
      const ancestorRef = { group: GATEWAY_GROUP, kind: 'Gateway', namespace: gwNamespace, name: gwName };
      const before = previous.find((p) => {
        const ref = p['ancestorRef'] as Record<string, unknown> | undefined;
        return p['controllerName'] === ctx.options.controllerName && ref?.['name'] === gwName && (ref?.['namespace'] ?? ns) === gwNamespace;
      });
      const conditions = stampConditions([outcome.accepted, outcome.resolvedRefs], generationOf(policy), ctx.options.now, before?.['conditions'] as never);
      return { ancestorRef, controllerName: ctx.options.controllerName, conditions };
    });
    statuses.push({
      key: objectKey(policy), apiVersion: policy.apiVersion, kind: policy.kind, namespace: ns,
      name: policy.metadata.name, generation: generationOf(policy), status: { ancestors },
    });
  }
  return statuses;
}

/** Cluster id → `<ns>/<name>` of each Gateway whose listeners send traffic to it. */
function clusterUsers(ctx: TranslationContext, translation: RouteTranslation): Map<string, Set<string>> {
  const users = new Map<string, Set<string>>();
  for (const [listenerId, routes] of translation.listenerRoutes) {
    const gateway = gatewayOfListener(ctx, listenerId);
    if (!gateway) continue;
    const add = (id: string | null) => {
      if (id === null) return;
      const set = users.get(id) ?? new Set<string>();
      set.add(gateway);
      users.set(id, set);
    };
    for (const vhost of routes.virtualHosts) {
      for (const route of vhost.routes) {
        for (const f of route.filters) if (f.type === 'RequestMirror') add(f.clusterId);
        for (const b of route.backends) {
          add(b.clusterId);
          for (const f of b.filters) if (f.type === 'RequestMirror') add(f.clusterId);
        }
      }
    }
    for (const r of [...routes.tlsRoutes, ...routes.l4Routes]) for (const b of r.backends) add(b.clusterId);
  }
  return users;
}

function gatewayOfListener(ctx: TranslationContext, listenerId: string): string | null {
  const parts = listenerId.split('/');
  if (parts[0] === 'gateway') return `${parts[1]}/${parts[2]}`;
  if (parts[0] !== 'listenerset') return null;
  const set = ctx.snapshot.listenerSets.find((s) => s.metadata.namespace === parts[1] && s.metadata.name === parts[2]);
  return set ? `${set.spec.parentRef.namespace ?? set.metadata.namespace}/${set.spec.parentRef.name}` : null;
}
