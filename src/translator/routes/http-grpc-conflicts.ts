/**
 * HTTPRoute and GRPCRoute sharing a listener. The GRPCRoute spec (`hostnames`): "If a Route (A) of
 * type HTTPRoute or GRPCRoute is attached to a Listener and that listener already has another Route
 * (B) of the other type attached and the intersection of the hostnames of A and B is non-empty, then
 * the implementation MUST accept exactly one of these two routes, determined by the following
 * criteria, in order: the oldest Route based on creation timestamp; the Route appearing first in
 * alphabetical order by {namespace}/{name}. The rejected Route MUST raise an 'Accepted' condition
 * with a status of 'False' in the corresponding RouteParentStatus."
 *
 * Routes are visited in that order, so each kept route has already beaten every older route of the
 * other kind it overlaps: a route loses a listener when it overlaps a route of the other kind already
 * kept there. A parentRef whose every listener was lost this way is Accepted=False. The spec names no
 * reason; Switchyard uses HostnameConflict (the listener-conflict reason of the same meaning), since
 * none of the route reasons it lists describes this case. A parentRef that keeps other listeners stays
 * Accepted: the route is implemented there.
 *
 * The hostnames compared are those the route serves on the listener (after intersecting with the
 * listener's hostname), so two routes that only share names outside the listener do not conflict.
 */
import { objectKey } from '../../store/index.ts';
import { ConditionType, Reason, condition } from '../conditions.ts';
import { intersectHostname } from '../hostnames.ts';
import { compareAge } from './object-order.ts';
import type { Attachment, ParentResult } from './parent-refs.ts';
import type { PreparedRoute } from './types.ts';

/** One route's parentRef results, replaced in place when conflicts take listeners away. */
export interface RouteParents {
  readonly prepared: PreparedRoute;
  /** Per parentRef; null when the parent is not ours. */
  readonly results: (ParentResult | null)[];
}

interface Kept { readonly route: PreparedRoute['route']; readonly hostnames: readonly string[] }

export function resolveHttpGrpcConflicts(routes: readonly RouteParents[], attaches: (r: RouteParents, result: ParentResult) => boolean): void {
  const ordered = routes
    .filter((r) => r.prepared.route.kind === 'HTTPRoute' || r.prepared.route.kind === 'GRPCRoute')
    .sort((a, b) => compareAge(a.prepared.route, b.prepared.route) || (objectKey(a.prepared.route) < objectKey(b.prepared.route) ? -1 : 1));
  // By listener id: the routes kept there so far, with their hostnames on it.
  const kept = new Map<string, Kept[]>();
  for (const r of ordered) {
    const route = r.prepared.route;
    r.results.forEach((result, i) => {
      if (result === null || !attaches(r, result)) return;
      const remaining: Attachment[] = [];
      const winners: string[] = [];
      for (const attachment of result.attachments) {
        const here = kept.get(attachment.listener.id) ?? [];
        const winner = here.find((k) => k.route.kind !== route.kind && overlaps(k.hostnames, attachment.hostnames));
        if (winner) {
          winners.push(`${winner.route.kind} ${winner.route.metadata.namespace}/${winner.route.metadata.name} on listener "${attachment.listener.name}"`);
          continue;
        }
        remaining.push(attachment);
        here.push({ route, hostnames: attachment.hostnames });
        kept.set(attachment.listener.id, here);
      }
      if (winners.length === 0) return;
      r.results[i] = remaining.length > 0
        ? { refused: null, attachments: remaining }
        : {
            refused: condition(ConditionType.Accepted, false, Reason.HostnameConflict,
              `Hostnames overlap those of a route of the other kind that takes precedence (older, or first by namespace/name): ${winners.join('; ')}`),
            attachments: [],
          };
    });
  }
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => intersectHostname(x, y) !== null));
}
