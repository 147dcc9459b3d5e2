/**
 * The route phase: translates every HTTPRoute, GRPCRoute, TLSRoute, TCPRoute and UDPRoute, attaches
 * them to the listeners of our Gateways, and returns their statuses (our parent entries only) and the
 * routing tables and clusters of the IR.
 *
 * Routes are processed in objectKey order and every table is sorted, so the output does not depend
 * on input order. Every route is attached before any is added to a table, because an HTTPRoute and
 * a GRPCRoute overlapping on a listener are settled between the two (http-grpc-conflicts.ts). BackendTLSPolicies are resolved first: they set the TLS of the clusters built here.
 */
import type { ParentReference, Route } from '../../api/index.ts';
import { objectKey } from '../../store/index.ts';
import { BackendResolver } from '../backend-refs.ts';
import { resolveBackendTls } from '../backend-tls-policy.ts';
import { stampConditions } from '../conditions.ts';
import type { Condition } from '../../api/index.ts';
import type { GatewayContext, RouteTranslation, TranslationContext } from '../context.ts';
import type { ObjectStatus } from '../types.ts';
import { prepareGrpcRoute } from './grpc-route.ts';
import { resolveHttpGrpcConflicts, type RouteParents } from './http-grpc-conflicts.ts';
import { prepareHttpRoute } from './http-route.ts';
import { ListenerTables } from './listener-tables.ts';
import { generationOf, previousEntries } from './object-order.ts';
import { attachToParent, ParentIndex } from './parent-refs.ts';
import { allRulesInvalid, parentConditions } from './route-status.ts';
import { prepareStreamRoute } from './stream-routes.ts';
import type { PreparedRoute, RouteEnv } from './types.ts';

export function translateRoutes(ctx: TranslationContext, gateways: readonly GatewayContext[]): { routeStatuses: ObjectStatus[]; translation: RouteTranslation } {
  const tls = resolveBackendTls(ctx);
  const env: RouteEnv = { ctx, backends: new BackendResolver(ctx.snapshot, ctx.grants, tls.lookup) };
  const index = new ParentIndex(ctx, gateways);
  // A Gateway presenting a client certificate to backends uses its own variant of TLS clusters.
  const tables = new ListenerTables((listener, id) => {
    const certificate = listener.gateway.backendClientCertificate;
    return certificate ? env.backends.withClientCertificate(id, certificate) : id;
  });
  const attachedRoutes = new Set<string>();
  const routeStatuses: ObjectStatus[] = [];

  const s = ctx.snapshot;
  const routes: Route[] = [...s.httpRoutes, ...s.grpcRoutes, ...s.tlsRoutes, ...s.tcpRoutes, ...s.udpRoutes];
  routes.sort((a, b) => (objectKey(a) < objectKey(b) ? -1 : 1));

  // Attachment first, for every route: HTTPRoute/GRPCRoute conflicts are decided between routes.
  const all: RouteParents[] = routes.map((route) => {
    const prepared = prepare(route, env);
    return { prepared, results: (route.spec.parentRefs ?? []).map((ref) => attachToParent(index, ref, prepared)) };
  });
  resolveHttpGrpcConflicts(all, (r, result) => !result.refused && !allRulesInvalid(r.prepared));

  for (const { prepared, results } of all) {
    const route = prepared.route;
    const key = objectKey(route);
    const attachedListeners = new Set<string>();
    const previous = previousEntries(ctx, key, 'parents');
    const parents: Record<string, unknown>[] = [];
    for (const [i, ref] of (route.spec.parentRefs ?? []).entries()) {
      const result = results[i];
      if (!result) continue;
      const pending = parentConditions(prepared, result.refused);
      if (!result.refused && !allRulesInvalid(prepared)) {
        for (const { listener, hostnames } of result.attachments) {
          // attachedRoutes counts routes, not parentRefs: two parentRefs reaching one listener count once.
          if (!attachedListeners.has(listener.id)) listener.attachedRoutes += 1;
          attachedListeners.add(listener.id);
          prepared.contribute(listener, hostnames, tables);
        }
        attachedRoutes.add(key);
      }
      const before = previous.find((p) => p['controllerName'] === ctx.options.controllerName && sameParentRef(p['parentRef'], ref, route.metadata.namespace));
      const conditions = stampConditions(pending, generationOf(route), ctx.options.now, before?.['conditions'] as Condition[] | undefined);
      parents.push({ parentRef: ref, controllerName: ctx.options.controllerName, conditions });
    }
    if (parents.length === 0) continue;
    routeStatuses.push({
      key, apiVersion: route.apiVersion, kind: route.kind, namespace: route.metadata.namespace,
      name: route.metadata.name, generation: generationOf(route), status: { parents },
    });
  }

  const clusters = env.backends.clusters(tables.usedClusters(), attachedRoutes);
  return { routeStatuses, translation: { listenerRoutes: tables.build(), clusters } };
}

function prepare(route: Route, env: RouteEnv): PreparedRoute {
  switch (route.kind) {
    case 'HTTPRoute': return prepareHttpRoute(route, env);
    case 'GRPCRoute': return prepareGrpcRoute(route, env);
    default: return prepareStreamRoute(route, env);
  }
}

/** Compares parentRefs with their defaults applied, so `kind: Gateway` equals an omitted kind. */
function sameParentRef(previous: unknown, ref: ParentReference, routeNamespace: string): boolean {
  if (typeof previous !== 'object' || previous === null) return false;
  const p = previous as ParentReference;
  const norm = (r: ParentReference) => [r.group ?? 'gateway.networking.k8s.io', r.kind ?? 'Gateway', r.namespace ?? routeNamespace, r.name, r.sectionName ?? '', r.port ?? 0].join('|');
  return norm(p) === norm(ref);
}
