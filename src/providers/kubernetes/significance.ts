/**
 * Which watch events should trigger a new translation.
 *
 * Our own status writes come back as MODIFIED events. Translating again on them would loop
 * (write → event → translate → write), so an event counts only when something besides status
 * and bookkeeping metadata changed. For custom resources with a status subresource this is the
 * "generation unchanged" rule; comparing the object without status also covers kinds without a
 * generation (Service, Secret, EndpointSlice). Exception: a Service's load-balancer status is input
 * (it becomes the Gateway's status.addresses).
 */
import type { KubeObject } from '../../api/index.ts';

const VOLATILE_METADATA = new Set(['resourceVersion', 'managedFields']);

export function fingerprint(object: KubeObject): string {
  const { status, metadata, ...rest } = object;
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(metadata)) if (!VOLATILE_METADATA.has(k)) meta[k] = v;
  const keep = object.kind === 'Service' ? (status as { loadBalancer?: unknown } | undefined)?.loadBalancer : undefined;
  return JSON.stringify([meta, rest, keep ?? null]);
}

/** True when the change from `previous` to `next` can change the translation or the provisioning. */
export function isSignificant(previous: KubeObject | undefined, next: KubeObject | undefined): boolean {
  if (!previous || !next) return true;
  return fingerprint(previous) !== fingerprint(next);
}
