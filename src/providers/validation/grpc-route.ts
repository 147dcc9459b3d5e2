/** GRPCRoute. */
import type { GrpcMethodMatch, GrpcRouteRule } from '../../api/index.ts';
import * as F from './fields.ts';
import { grpcFilters } from './http-filters.ts';
import * as P from './patterns.ts';
import { resource } from './resource.ts';
import { arr, obj, str, type Rule } from './schema.ts';
import { sessionPersistence } from './session-persistence.ts';

const methodRules: Rule<GrpcMethodMatch> = (m, report) => {
  if (m.type !== undefined && m.service === undefined && m.method === undefined) report([], "one or both of 'service' or 'method' must be specified");
  if ((m.type ?? 'Exact') !== 'Exact') return;
  if (m.service !== undefined && !P.GRPC_SERVICE.re.test(m.service)) report('service', `${JSON.stringify(m.service)} is not ${P.GRPC_SERVICE.what}`);
  if (m.method !== undefined && !P.GRPC_METHOD.re.test(m.method)) report('method', `${JSON.stringify(m.method)} is not ${P.GRPC_METHOD.what}`);
};

const match = () => obj({
  method: obj({
    type: str({ enum: ['Exact', 'RegularExpression'] }),
    service: str({ maxLength: 1024 }),
    method: str({ maxLength: 1024 }),
  }, { rules: [methodRules] }),
  headers: arr(F.headerMatch(str({ minLength: 1, maxLength: 4096 })), { maxItems: 16, unique: ['name'] }),
});

/** CEL on the rule list: at most 128 matches in all (absent matches count as none here). */
const matchBudget: Rule<GrpcRouteRule[]> = (rules, report) => {
  const total = rules.reduce((n, r) => n + (r.matches ?? []).length, 0);
  if (total > 128) report([], `the total number of matches across all rules must be at most 128 (has ${total})`);
};

export const grpcRoute = () => resource({
  spec: obj({
    parentRefs: F.parentRefs(),
    hostnames: arr(F.wildcardHostname(), { maxItems: 16 }),
    rules: arr(obj({
      name: F.ruleName(),
      matches: arr(match(), { maxItems: 64 }),
      filters: grpcFilters(),
      backendRefs: arr(F.backendRef({ filters: grpcFilters() }), { maxItems: 16 }),
      sessionPersistence: sessionPersistence(),
    }), { maxItems: 16, rules: [matchBudget, F.uniqueRuleNames] }),
    useDefaultGateways: str({ enum: ['All', 'None'] }),
  }),
}, ['spec']);
