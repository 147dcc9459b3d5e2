/**
 * Kubernetes-mode corrections to a Gateway's computed status. The translator decides acceptance,
 * listeners and whether the configuration is valid; only the cluster knows where the Gateway is
 * reachable and whether a proxy actually serves it:
 *
 * - `status.addresses` come from the proxy Service: its load-balancer ingress (IP or hostname);
 *   until it has one, the ClusterIP, and Programmed says so in its message.
 * - Programmed=True only once a ready proxy acknowledged the current configuration version;
 *   before that False/Pending (GEP-1364's reason for "not yet").
 */
import type { Condition, KubeObject } from '../api/index.ts';
import type { ObjectStatus } from '../translator/index.ts';

export interface Reachability {
  /** The proxy Service as the cluster holds it, or undefined before it exists. */
  readonly service: KubeObject | undefined;
  /** True when at least one ready proxy serves `version`. */
  readonly served: boolean;
  readonly version: string | undefined;
}

interface ServiceShape {
  spec?: { type?: string; clusterIP?: string; clusterIPs?: string[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

export function serviceAddresses(service: KubeObject | undefined): { addresses: { type: string; value: string }[]; fallback: boolean } {
  const s = (service ?? {}) as ServiceShape;
  const ingress = s.status?.loadBalancer?.ingress ?? [];
  const fromLb = ingress.flatMap((i) => (i.ip ? [{ type: 'IPAddress', value: i.ip }] : i.hostname ? [{ type: 'Hostname', value: i.hostname }] : []));
  if (fromLb.length > 0) return { addresses: fromLb, fallback: false };
  const clusterIps = (s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : [])).filter((ip) => ip && ip !== 'None');
  return { addresses: clusterIps.map((value) => ({ type: 'IPAddress', value })), fallback: s.spec?.type !== 'ClusterIP' };
}

export function reachableGatewayStatus(computed: ObjectStatus, reach: Reachability, previous: unknown, now: string): ObjectStatus {
  const status = { ...computed.status } as { addresses?: unknown; conditions?: Condition[] };
  const conditions = [...(status.conditions ?? [])];
  const index = conditions.findIndex((c) => c.type === 'Programmed');
  const translated = conditions[index];
  const { addresses, fallback } = serviceAddresses(reach.service);
  if (addresses.length > 0) status.addresses = addresses;
  else delete status.addresses;
  if (translated && translated.status === 'True') {
    const where = addresses.map((a) => a.value).join(', ');
    const next = addresses.length === 0
      ? { status: 'False' as const, reason: 'AddressNotAssigned', message: 'Waiting for the proxy Service to get an address' }
      : !reach.served
        ? { status: 'False' as const, reason: 'Pending', message: `Waiting for a ready proxy to serve configuration ${reach.version ?? '(none yet)'}` }
        : { status: 'True' as const, reason: 'Programmed', message: `Served by ready proxies at ${where}${fallback ? ' (the ClusterIP: the LoadBalancer Service has no external address yet)' : ''}` };
    conditions[index] = stamp({ ...translated, ...next }, previous, now);
  }
  return { ...computed, status: { ...status, conditions } };
}

/** Keeps lastTransitionTime unless the condition's status changed from what the object holds. */
function stamp(c: Condition, previous: unknown, now: string): Condition {
  const old = ((previous as { conditions?: Condition[] } | undefined)?.conditions ?? []).find((p) => p.type === c.type);
  // The spec: the time the condition last changed from one status to another.
  const same = old && old.status === c.status;
  return { ...c, lastTransitionTime: same ? old.lastTransitionTime : now };
}
