/**
 * The backendRefs of an HTTPRoute or GRPCRoute rule: each becomes a weighted IR backend with its own
 * filters. An unresolvable reference keeps its weight with `clusterId: null` (HTTP 500 for its share);
 * so does one whose filters include an ExtensionRef Switchyard cannot run (fail closed).
 */
import type { HttpBackendRef } from '../../api/index.ts';
import type { IrWeightedBackend } from '../../ir/index.ts';
import type { RefOrigin } from '../backend-refs.ts';
import type { StatusError } from '../conditions.ts';
import { translateFilters } from '../filters.ts';
import type { RouteEnv } from './types.ts';

export interface RuleBackends {
  readonly backends: IrWeightedBackend[];
  readonly invalid: StatusError | null;
  readonly refProblems: StatusError[];
}

export function ruleBackends(refs: readonly HttpBackendRef[] | undefined, env: RouteEnv, origin: RefOrigin, usage: 'HTTP' | 'GRPC', singlePrefix: string | null, at: string): RuleBackends {
  const backends: IrWeightedBackend[] = [];
  const refProblems: StatusError[] = [];
  for (const [i, ref] of (refs ?? []).entries()) {
    const resolved = env.backends.resolve(ref, origin, usage);
    if (resolved.problem) refProblems.push(resolved.problem);
    const f = translateFilters(ref.filters, { backends: env.backends, origin, usage, singlePrefix }, `${at} backendRef ${i}`);
    refProblems.push(...f.refProblems);
    if (f.invalid) return { backends: [], invalid: f.invalid, refProblems };
    backends.push({ weight: resolved.weight, clusterId: f.failClosed ? null : resolved.clusterId, filters: f.failClosed ? [] : f.filters });
  }
  return { backends, invalid: null, refProblems };
}
