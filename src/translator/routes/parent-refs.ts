/**
 * Route attachment: which listeners a parentRef selects and whether they take the route.
 *
 * Order of checks, each with the spec's Accepted=False reason:
 *   1. the parent is not ours (unknown Gateway, another controller's class, an unsupported kind):
 *      no parent status entry at all — we must not speak for other controllers;
 *   2. the Gateway (or the parent ListenerSet) is not Accepted: nothing of it is programmed, so no
 *      rule can be implemented (NoMatchingParent; the spec lists no closer reason);
 *   3. no listener has the parentRef's sectionName and port: NoMatchingParent;
 *   4. none of those allows the route's kind and namespace: NotAllowedByListeners;
 *   5. none has a hostname intersecting the route's: NoMatchingListenerHostname.
 * A listener's own conditions do not matter: the spec says attachment depends only on allowedRoutes
 * and parentRefs, and attachedRoutes counts even on listeners that are not Accepted.
 *
 * A parentRef to a Gateway selects only the Gateway's own listeners; one to a ListenerSet only that
 * set's listeners (conformance: ListenerSetRouteStatusScopedToParentRef).
 */
import { GATEWAY_GROUP } from '../../api/index.ts';
import type { ParentReference } from '../../api/index.ts';
import { ConditionType, Reason, condition } from '../conditions.ts';
import type { PendingCondition } from '../conditions.ts';
import type { GatewayContext, ListenerContext, TranslationContext } from '../context.ts';
import { effectiveHostnames } from '../hostnames.ts';
import type { PreparedRoute } from './types.ts';

export interface Attachment {
  readonly listener: ListenerContext;
  /** Hostnames the route serves on this listener (`*` for any). */
  readonly hostnames: readonly string[];
}

export interface ParentResult {
  /** Accepted=False when the route cannot attach to this parent; null when it attaches. */
  readonly refused: PendingCondition | null;
  readonly attachments: readonly Attachment[];
}

/** Our Gateways and attached ListenerSets, by `<namespace>/<name>`. */
export class ParentIndex {
  readonly #gateways = new Map<string, GatewayContext>();
  readonly #ctx: TranslationContext;

  constructor(ctx: TranslationContext, gateways: readonly GatewayContext[]) {
    this.#ctx = ctx;
    for (const g of gateways) this.#gateways.set(`${g.gateway.metadata.namespace}/${g.gateway.metadata.name}`, g);
  }

  /**
   * The listeners a parentRef's object offers, or null when the parent is not ours. A ListenerSet
   * is ours when its parent Gateway is; its listeners are those the Gateway phase attached.
   */
  candidates(ref: ParentReference, routeNamespace: string): { gateway: GatewayContext; listeners: readonly ListenerContext[]; what: string } | null {
    const group = ref.group ?? GATEWAY_GROUP;
    const kind = ref.kind ?? 'Gateway';
    const namespace = ref.namespace ?? routeNamespace;
    if (group !== GATEWAY_GROUP) return null;
    if (kind === 'Gateway') {
      const gateway = this.#gateways.get(`${namespace}/${ref.name}`);
      if (!gateway) return null;
      return { gateway, listeners: gateway.listeners.filter((l) => l.listenerSet === null), what: `Gateway ${namespace}/${ref.name}` };
    }
    if (kind === 'ListenerSet') {
      const set = this.#ctx.snapshot.listenerSets.find((s) => s.metadata.namespace === namespace && s.metadata.name === ref.name);
      if (!set) return null;
      const parent = set.spec.parentRef;
      if ((parent.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || (parent.kind ?? 'Gateway') !== 'Gateway') return null;
      const gateway = this.#gateways.get(`${parent.namespace ?? namespace}/${parent.name}`);
      if (!gateway) return null;
      const listeners = gateway.listeners.filter((l) => l.listenerSet?.metadata.namespace === namespace && l.listenerSet.metadata.name === ref.name);
      return { gateway, listeners, what: `ListenerSet ${namespace}/${ref.name}` };
    }
    return null;
  }
}

const refuse = (reason: string, message: string): ParentResult => ({ refused: condition(ConditionType.Accepted, false, reason, message), attachments: [] });

function allowsKind(listener: ListenerContext, kind: string): boolean {
  return listener.supportedKinds.some((k) => (k.group ?? GATEWAY_GROUP) === GATEWAY_GROUP && k.kind === kind);
}

/** Resolves one parentRef of a route; null when the parent is not ours (no status entry). */
export function attachToParent(index: ParentIndex, ref: ParentReference, prepared: PreparedRoute): ParentResult | null {
  const route = prepared.route;
  const found = index.candidates(ref, route.metadata.namespace);
  if (!found) return null;
  if (!found.gateway.accepted) return refuse(Reason.NoMatchingParent, `Gateway ${found.gateway.gateway.metadata.namespace}/${found.gateway.gateway.metadata.name} is not accepted`);
  if (found.listeners.length === 0) return refuse(Reason.NoMatchingParent, `${found.what} has no listeners attached to its Gateway`);
  // A ListenerSet that is not accepted contributes no listeners to its Gateway (an accepted one has
  // at least one valid, hence attachable, listener), so it is refused as a Gateway that is not accepted.
  if (found.listeners[0]!.listenerSet !== null && !found.listeners.some((l) => l.attachable)) {
    return refuse(Reason.NoMatchingParent, `${found.what} is not accepted`);
  }
  const selected = found.listeners.filter((l) => (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port));
  if (selected.length === 0) {
    const wanted = [ref.sectionName !== undefined ? `name ${ref.sectionName}` : '', ref.port !== undefined ? `port ${ref.port}` : ''].filter(Boolean).join(' and ');
    return refuse(Reason.NoMatchingParent, `${found.what} has no listener with ${wanted}`);
  }
  const allowed = selected.filter((l) => allowsKind(l, route.kind) && l.allowsNamespace(route.metadata.namespace));
  if (allowed.length === 0) {
    return refuse(Reason.NotAllowedByListeners, `No listener of ${found.what}${ref.sectionName ? ` named ${ref.sectionName}` : ''} allows kind ${route.kind} from namespace ${route.metadata.namespace}`);
  }
  const attachments: Attachment[] = [];
  for (const listener of allowed) {
    const hostnames = prepared.hostnames === null ? [listener.hostname ?? '*'] : effectiveHostnames(listener.hostname, prepared.hostnames);
    if (hostnames.length > 0) attachments.push({ listener, hostnames });
  }
  if (attachments.length === 0) {
    return refuse(Reason.NoMatchingListenerHostname, `No hostname of the ${route.kind} intersects a listener hostname of ${found.what}`);
  }
  return { refused: null, attachments };
}
