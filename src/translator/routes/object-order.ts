/**
 * Helpers every route kind (and BackendTLSPolicy) shares: the spec's tie-breakers between objects,
 * generations, and the previous status used to keep lastTransitionTime.
 */
import type { KubeObject } from '../../api/index.ts';
import type { TranslationContext } from '../context.ts';

/**
 * The spec's tie-breaker between objects: the oldest creationTimestamp first, then
 * `{namespace}/{name}` alphabetically. Objects without a timestamp (plain files) count as newest.
 * RFC 3339 timestamps in UTC compare correctly as strings.
 */
export function compareAge(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp;
  const tb = b.metadata.creationTimestamp;
  if (ta !== tb) {
    if (ta === undefined) return 1;
    if (tb === undefined) return -1;
    return ta < tb ? -1 : 1;
  }
  const na = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const nb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** metadata.generation; objects read from files have none and count as generation 1. */
export function generationOf(object: KubeObject): number {
  return object.metadata.generation ?? 1;
}

/** The entries of a list field (`parents`, `ancestors`) in an object's previously published status. */
export function previousEntries(ctx: TranslationContext, key: string, field: string): Record<string, unknown>[] {
  const status = ctx.options.previousStatuses?.get(key) as Record<string, unknown> | undefined;
  const list = status?.[field];
  return Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
}
