/** metadata: what the API server checks on every object (names, namespace, labels, annotations). */
import * as P from './patterns.ts';
import { any, int, map, obj, str, type ObjectSchema, type Pattern, type Rule } from './schema.ts';

/** Kubernetes keeps the prefix of a qualified key (before "/") to a DNS subdomain of at most 253 characters. */
const keyPrefixLength: Rule<Record<string, unknown>> = (entries, report) => {
  for (const key of Object.keys(entries)) {
    const slash = key.indexOf('/');
    if (slash > 253) report(key, 'the key prefix must be at most 253 characters long');
  }
};
const keysMatch = (pattern: Pattern): Rule<Record<string, unknown>> => (entries, report) => {
  for (const key of Object.keys(entries)) if (!pattern.re.test(key)) report(key, `${JSON.stringify(key)} is not ${pattern.what}`);
};

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const timestamp = () => str({
  pattern: { re: RFC3339, what: 'an RFC 3339 timestamp (e.g. "2024-01-31T12:00:00Z")' },
  rules: [(value, report) => { if (Number.isNaN(Date.parse(value))) report([], 'is not a valid date'); }],
});

/** metadata schema; `name` is the pattern a kind's names must follow (most kinds: DNS-1123 subdomain). */
export function metadata(name: Pattern = P.DNS_SUBDOMAIN, maxName = name === P.DNS_SUBDOMAIN ? 253 : 63): ObjectSchema {
  return obj({
    name: str({ pattern: name, minLength: 1, maxLength: maxName }),
    namespace: str({ pattern: P.DNS_LABEL, minLength: 1, maxLength: 63 }),
    labels: map(str({ pattern: P.LABEL_VALUE, maxLength: 63 }), { rules: [keysMatch(P.QUALIFIED_NAME), keyPrefixLength] }),
    annotations: map(str(), { rules: [keysMatch(P.QUALIFIED_NAME), keyPrefixLength] }),
    generation: int({ minimum: 1 }),
    creationTimestamp: timestamp(),
    // Server-managed fields that exported manifests (kubectl get -o yaml) carry: accepted as they are.
    uid: any(), resourceVersion: any(), generateName: any(), finalizers: any(), ownerReferences: any(),
    managedFields: any(), deletionTimestamp: any(), deletionGracePeriodSeconds: any(), selfLink: any(),
  }, { required: ['name'] });
}
