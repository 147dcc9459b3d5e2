/** ReferenceGrant and BackendTLSPolicy. */
import type { BackendTlsPolicy } from '../../api/index.ts';
import * as F from './fields.ts';
import * as P from './patterns.ts';
import { resource } from './resource.ts';
import { arr, obj, str, type Rule } from './schema.ts';

export const referenceGrant = () => resource({
  spec: obj({
    from: arr(obj({ group: F.group(), kind: F.kind(), namespace: F.namespace() }, { required: ['group', 'kind', 'namespace'] }), { minItems: 1, maxItems: 16 }),
    to: arr(obj({ group: F.group(), kind: F.kind(), name: F.name253() }, { required: ['group', 'kind'] }), { minItems: 1, maxItems: 16 }),
  }, { required: ['from', 'to'] }),
}, ['spec']);

type Spec = BackendTlsPolicy['spec'];
type TargetRef = Spec['targetRefs'][number];
type San = NonNullable<Spec['validation']['subjectAltNames']>[number];

/** CEL on targetRefs: two references to one target differ by sectionName, and are not equal. */
const distinctTargets: Rule<TargetRef[]> = (refs, report) => {
  refs.forEach((a, i) => {
    for (let j = 0; j < i; j++) {
      const b = refs[j]!;
      if (a.group !== b.group || a.kind !== b.kind || a.name !== b.name) continue;
      const [sa, sb] = [a.sectionName ?? '', b.sectionName ?? ''];
      if ((sa === '') !== (sb === '')) report(i, `sectionName must be specified when targetRefs includes 2 or more references to the same target (see targetRefs[${j}])`);
      else if (sa === sb) report(i, `sectionName must be unique when targetRefs includes 2 or more references to the same target (same as targetRefs[${j}])`);
    }
  });
};

const sanRules: Rule<San> = (san, report) => {
  for (const [type, field] of [['Hostname', 'hostname'], ['URI', 'uri']] as const) {
    const set = (san[field] ?? '') !== '';
    if (san.type === type && !set) report(field, `${field} must be specified when type is ${type}`);
    if (san.type !== type && set) report(field, `${field} must not be set when type is ${san.type}`);
  }
};

const exactlyOneCaSource: Rule<Spec['validation']> = (v, report) => {
  const refs = (v.caCertificateRefs ?? []).length > 0;
  const wellKnown = (v.wellKnownCACertificates ?? '') !== '';
  if (refs && wellKnown) report([], 'must not contain both caCertificateRefs and wellKnownCACertificates');
  if (!refs && !wellKnown) report([], 'must specify either caCertificateRefs or wellKnownCACertificates');
};

export const backendTlsPolicy = () => resource({
  spec: obj({
    targetRefs: arr(obj({ group: F.group(), kind: F.kind(), name: F.name253(), sectionName: F.sectionName() }, { required: ['group', 'kind', 'name'] }),
      { minItems: 1, maxItems: 16, rules: [distinctTargets] }),
    validation: obj({
      caCertificateRefs: arr(F.localRef(), { maxItems: 8 }),
      wellKnownCACertificates: str({ pattern: P.WELL_KNOWN_CA, minLength: 1, maxLength: 253 }),
      hostname: F.hostname(),
      subjectAltNames: arr(obj<San>({
        type: str({ enum: ['Hostname', 'URI'] }),
        hostname: F.wildcardHostname(),
        uri: str({ pattern: P.SAN_URI, minLength: 1, maxLength: 253 }),
      }, { required: ['type'], rules: [sanRules] }), { maxItems: 5 }),
    }, { required: ['hostname'], rules: [exactlyOneCaSource] }),
    options: F.stringMap(16),
  }, { required: ['targetRefs', 'validation'] }),
}, ['spec']);
