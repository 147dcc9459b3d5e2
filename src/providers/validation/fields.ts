/** Field schemas shared by several kinds: references, hostnames, headers, selectors, durations. */
import type { BackendRef, ParentReference } from '../../api/index.ts';
import * as P from './patterns.ts';
import { arr, int, map, obj, str, type Rule, type Schema } from './schema.ts';

export const port = () => int({ minimum: 1, maximum: 65535 });
export const name253 = () => str({ minLength: 1, maxLength: 253 });
export const group = () => str({ pattern: P.GROUP, maxLength: 253 });
export const kind = () => str({ pattern: P.KIND, minLength: 1, maxLength: 63 });
export const namespace = () => str({ pattern: P.DNS_LABEL, minLength: 1, maxLength: 63 });
export const sectionName = () => str({ pattern: P.SECTION_NAME, minLength: 1, maxLength: 253 });
export const hostname = () => str({ pattern: P.HOSTNAME, minLength: 1, maxLength: 253 });
export const wildcardHostname = () => str({ pattern: P.WILDCARD_HOSTNAME, minLength: 1, maxLength: 253 });
export const duration = () => str({ pattern: P.DURATION });
export const headerName = () => str({ pattern: P.HEADER_NAME, minLength: 1, maxLength: 256 });
export const ruleName = () => str({ pattern: P.DNS_SUBDOMAIN, minLength: 1, maxLength: 253 });
export const stringMap = (maxProperties?: number) =>
  map(str({ maxLength: 4096 }), maxProperties === undefined ? {} : { maxProperties });

/** LocalObjectReference (group, kind, name: all required). */
export const localRef = () => obj({ group: group(), kind: kind(), name: name253() }, { required: ['group', 'kind', 'name'] });
/** ObjectReference with an optional namespace (group, kind, name required). */
export const namespacedRef = () =>
  obj({ group: group(), kind: kind(), name: name253(), namespace: namespace() }, { required: ['group', 'kind', 'name'] });
/** SecretObjectReference: group and kind default to "" and Secret. */
export const secretRef = () =>
  obj({ group: group(), kind: kind(), name: name253(), namespace: namespace() }, { required: ['name'] });

export const backendRefFields = (): Record<string, Schema> => ({
  group: group(), kind: kind(), name: name253(), namespace: namespace(), port: port(),
});

/** CEL: a Service (group "" and kind Service, the defaults) needs a port. */
export const serviceNeedsPort: Rule<BackendRef> = (ref, report) => {
  if ((ref.group ?? '') === '' && (ref.kind ?? 'Service') === 'Service' && ref.port === undefined) report('port', 'must have port for Service reference');
};

/** BackendRef: a BackendObjectReference plus a weight. */
export const backendRef = (extra: Record<string, Schema> = {}) =>
  obj<BackendRef>(
    { ...backendRefFields(), weight: int({ minimum: 0, maximum: 1_000_000 }), ...extra },
    { required: ['name'], rules: [serviceNeedsPort] },
  );

export const parentRef = () =>
  obj({ group: group(), kind: kind(), name: name253(), namespace: namespace(), sectionName: sectionName(), port: port() }, { required: ['name'] });

/**
 * CEL on parentRefs: two references to the same parent must be told apart by sectionName or port,
 * and must not be equal. `withPort` is false on the older versions whose rule only knows sectionName.
 */
export const distinctParentRefs = (withPort = true): Rule<ParentReference[]> => (refs, report) => {
  const parent = (r: ParentReference) => JSON.stringify([r.group ?? 'gateway.networking.k8s.io', r.kind ?? 'Gateway', r.name, r.namespace ?? '']);
  const section = (r: ParentReference) => [r.sectionName ?? '', withPort ? (r.port ?? 0) : 0] as const;
  refs.forEach((a, i) => {
    for (let j = 0; j < i; j++) {
      const b = refs[j]!;
      if (parent(a) !== parent(b)) continue;
      const [sa, pa] = section(a);
      const [sb, pb] = section(b);
      const what = withPort ? 'sectionName or port' : 'sectionName';
      if ((sa === '') !== (sb === '') || (pa === 0) !== (pb === 0)) {
        report(i, `${what} must be specified when parentRefs includes 2 or more references to the same parent (see parentRefs[${j}])`);
      } else if (sa === sb && pa === pb) {
        report(i, `${what} must be unique when parentRefs includes 2 or more references to the same parent (same as parentRefs[${j}])`);
      }
    }
  });
};

export const parentRefs = (withPort = true) => arr(parentRef(), { maxItems: 32, rules: [distinctParentRefs(withPort)] });

/** CEL on a route's rules: names, when given, are unique. */
export const uniqueRuleNames: Rule<{ name?: string }[]> = (rules, report) => {
  const seen = new Map<string, number>();
  rules.forEach((rule, i) => {
    if (rule.name === undefined) return;
    const first = seen.get(rule.name);
    if (first !== undefined) report([i, 'name'], `rule name must be unique within the route (also used by rules[${first}])`);
    else seen.set(rule.name, i);
  });
};

export const labelSelector = () =>
  obj({
    matchLabels: map(str()),
    matchExpressions: arr(
      // The CRDs leave operator free; a bad one is the translator's to report, as in a cluster.
      obj({ key: str(), operator: str(), values: arr(str()) }, { required: ['key', 'operator'] }),
    ),
  });

export const httpHeader = (value = str({ pattern: P.HEADER_VALUE, minLength: 1, maxLength: 4096 })) =>
  obj({ name: headerName(), value }, { required: ['name', 'value'] });

/** HTTPHeaderFilter: set/add keyed by name, remove a set. */
export const headerModifier = () =>
  obj({
    set: arr(httpHeader(), { maxItems: 16, unique: ['name'] }),
    add: arr(httpHeader(), { maxItems: 16, unique: ['name'] }),
    remove: arr(str(), { maxItems: 16, unique: 'set' }),
  });

export const headerMatch = (value = str({ pattern: P.HEADER_VALUE, minLength: 1, maxLength: 4096 })) =>
  obj({ type: str({ enum: ['Exact', 'RegularExpression'] }), name: headerName(), value }, { required: ['name', 'value'] });

