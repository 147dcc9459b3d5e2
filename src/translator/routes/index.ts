/**
 * TEMPORARY placeholder for the route phase, so translate.ts runs before the route phase lands.
 * It attaches no routes and produces no clusters. The route phase replaces this file wholesale.
 */
import type { GatewayContext, RouteTranslation, TranslationContext } from '../context.ts';
import type { ObjectStatus } from '../types.ts';

export function translateRoutes(
  _ctx: TranslationContext,
  _gateways: readonly GatewayContext[],
): { routeStatuses: ObjectStatus[]; translation: RouteTranslation } {
  return { routeStatuses: [], translation: { listenerRoutes: new Map(), clusters: new Map() } };
}
