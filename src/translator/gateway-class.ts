/**
 * Phase 1: GatewayClasses. Only classes whose `spec.controllerName` is ours get a status; every
 * other class is left untouched (the spec forbids writing status on other controllers' objects).
 */
import type { GatewayClass } from '../api/index.ts';
import { ConditionType, Reason, condition, type PendingCondition } from './conditions.ts';
import type { TranslationContext } from './context.ts';
import { classParametersProblem } from './parameters.ts';
import { supportedFeaturesStatus } from './supported-features.ts';
import type { ObjectStatus } from './types.ts';
import { stampedStatus } from './status-helpers.ts';

export interface OwnedClass {
  readonly gatewayClass: GatewayClass;
  readonly accepted: boolean;
  /** Why the class is not accepted (for the message on its Gateways); empty when accepted. */
  readonly problem: string;
}

export interface GatewayClassPhase {
  /** Our classes by name. */
  readonly classes: ReadonlyMap<string, OwnedClass>;
  readonly statuses: ObjectStatus[];
}

export function translateGatewayClasses(ctx: TranslationContext): GatewayClassPhase {
  const classes = new Map<string, OwnedClass>();
  const statuses: ObjectStatus[] = [];
  for (const gatewayClass of ctx.snapshot.gatewayClasses) {
    if (gatewayClass.spec?.controllerName !== ctx.options.controllerName) continue;
    const problem = classParametersProblem(ctx, gatewayClass);
    const accepted = problem === null;
    classes.set(gatewayClass.metadata.name, { gatewayClass, accepted, problem: problem ?? '' });
    const conditions: PendingCondition[] = [
      accepted
        ? condition(ConditionType.Accepted, true, Reason.Accepted, 'Accepted by Switchyard')
        : condition(ConditionType.Accepted, false, Reason.InvalidParameters, problem),
      // The snapshot carries no CRD bundle-version annotations to check, so the versions this
      // build was written against are what is reported.
      condition(ConditionType.SupportedVersion, true, Reason.SupportedVersion, 'Gateway API v1.6 standard channel'),
    ];
    const extra = accepted ? { supportedFeatures: supportedFeaturesStatus() } : {};
    statuses.push(stampedStatus(ctx, gatewayClass, (previous) => ({ conditions: previous.stamp(conditions), ...extra })));
  }
  return { classes, statuses };
}
