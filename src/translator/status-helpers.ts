/**
 * Building an ObjectStatus for an object Switchyard owns: observedGeneration from
 * `metadata.generation` (1 when absent, as for a manifest that never reached an API server), and
 * lastTransitionTime kept from the previous status (options.previousStatuses) when a condition's
 * status did not change.
 */
import type { Condition, KubeObject } from '../api/index.ts';
import { objectKey } from '../store/index.ts';
import { stampConditions, type PendingCondition } from './conditions.ts';
import type { TranslationContext } from './context.ts';
import type { ObjectStatus } from './types.ts';

export interface StatusStamper {
  /** Stamps the object's own `status.conditions`. */
  stamp(pending: readonly PendingCondition[]): Condition[];
  /** Stamps `status.listeners[name].conditions` (Gateways and ListenerSets). */
  stampListener(name: string, pending: readonly PendingCondition[]): Condition[];
}

export function generationOf(object: KubeObject): number {
  return object.metadata.generation ?? 1;
}

export function stampedStatus(
  ctx: TranslationContext,
  object: KubeObject,
  build: (stamper: StatusStamper) => Record<string, unknown>,
): ObjectStatus {
  const key = objectKey(object);
  const generation = generationOf(object);
  const previous = asRecord(ctx.options.previousStatuses?.get(key));
  const now = ctx.options.now;
  const stamper: StatusStamper = {
    stamp: (pending) => stampConditions(pending, generation, now, conditionsOf(previous)),
    stampListener: (name, pending) => {
      const listeners = Array.isArray(previous?.listeners) ? (previous.listeners as unknown[]) : [];
      const entry = listeners.map(asRecord).find((l) => l?.name === name);
      return stampConditions(pending, generation, now, conditionsOf(entry));
    },
  };
  const { namespace, name } = object.metadata;
  return {
    key,
    apiVersion: object.apiVersion,
    kind: object.kind,
    ...(namespace ? { namespace } : {}),
    name,
    generation,
    status: build(stamper),
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** Previous conditions, keeping only well-formed entries (a hand-edited status may hold anything). */
function conditionsOf(status: Record<string, unknown> | undefined): Condition[] | undefined {
  const list = status?.conditions;
  if (!Array.isArray(list)) return undefined;
  return list.filter(
    (c): c is Condition =>
      typeof c === 'object' && c !== null && typeof c.type === 'string' && typeof c.status === 'string' && typeof c.lastTransitionTime === 'string',
  );
}
