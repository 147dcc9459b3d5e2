/**
 * The translator: a snapshot of resources and the options in; the IR and the status of every
 * object Switchyard owns out. Pure: no I/O, no clock but options.now. Phases run in spec order
 * (context.ts):
 *   1. GatewayClasses  — which classes are ours, and accepted
 *   2. Gateways        — addresses, listeners (with ListenerSets), conflicts, acceptance
 *   3. Routes          — attachment to listeners, backends, routing tables, clusters
 *   4. Policies        — BackendTLSPolicy
 *   5. Gateway status  — listener conditions with attachedRoutes; IR sockets from ready listeners
 */
import type { Snapshot } from '../store/index.ts';
import { translateBackendTlsPolicies } from './backend-tls-policy.ts';
import type { TranslationContext } from './context.ts';
import { translateGatewayClasses } from './gateway-class.ts';
import { gatewayStatuses } from './gateway-status.ts';
import { prepareGateways } from './gateways.ts';
import { assembleIr } from './ir-assembly.ts';
import { gatewayLimits } from './limits.ts';
import { namespaceLabelsOf } from './namespaces.ts';
import { ReferenceGrants } from './reference-grants.ts';
import { translateRoutes } from './routes/index.ts';
import type { ObjectStatus, TranslateOptions, TranslateResult } from './types.ts';

export function translate(snapshot: Snapshot, options: TranslateOptions): TranslateResult {
  const ctx: TranslationContext = {
    snapshot,
    options,
    grants: new ReferenceGrants(snapshot.referenceGrants),
    namespaceLabels: namespaceLabelsOf(snapshot.namespaces),
  };
  const classes = translateGatewayClasses(ctx);
  const gateways = prepareGateways(ctx, classes.classes);
  const contexts = gateways.map((g) => g.context!);
  const routes = translateRoutes(ctx, contexts);
  const policyStatuses = translateBackendTlsPolicies(ctx, routes.translation);
  const statuses: ObjectStatus[] = [
    ...classes.statuses,
    ...gatewayStatuses(ctx, gateways),
    ...routes.routeStatuses,
    ...policyStatuses,
  ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { ir: assembleIr(contexts, routes.translation, (g) => gatewayLimits(ctx, g)), statuses };
}
