/**
 * Drift check against the upstream CRDs, read in place from ../shared/gateway-api (skipped when
 * absent, as in a user's clone): every field, enum, bound and required list the CRD declares for a
 * served version must be in the hand-written schema, so an upgrade of the CRDs shows what to add.
 * CEL rules cannot be compared mechanically; their tests are in the per-kind test files.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { KNOWN_KINDS, type KnownKind } from '../../api/index.ts';
import { schemaFor } from './index.ts';
import type { Schema } from './schema.ts';

const CRD_DIR = new URL('../../../../shared/gateway-api/config/crd/experimental/', import.meta.url).pathname;

interface CrdSchema {
  type?: string; properties?: Record<string, CrdSchema>; items?: CrdSchema; additionalProperties?: CrdSchema | boolean;
  required?: string[]; enum?: unknown[]; maxItems?: number; minItems?: number; maxLength?: number; minLength?: number;
  minimum?: number; maximum?: number; maxProperties?: number; pattern?: string;
}

/** Compares a CRD schema node with ours; returns one line per difference. */
function compare(crd: CrdSchema, ours: Schema, at: string): string[] {
  const out: string[] = [];
  if (ours.type === 'any') return out;
  const same = (what: string, theirs: unknown, mine: unknown) => {
    if (JSON.stringify(theirs) !== JSON.stringify(mine)) out.push(`${at}: ${what} is ${JSON.stringify(theirs)} in the CRD, ${JSON.stringify(mine)} here`);
  };
  if (crd.type === 'object' && crd.properties) {
    if (ours.type !== 'object') return [`${at}: an object in the CRD, ${ours.type} here`];
    same('required', [...(crd.required ?? [])].sort(), [...ours.required].sort());
    for (const [name, child] of Object.entries(crd.properties)) {
      const mine = ours.fields[name];
      if (!mine) out.push(`${at}.${name}: missing here`);
      else out.push(...compare(child, mine, `${at}.${name}`));
    }
  } else if (crd.type === 'object' && typeof crd.additionalProperties === 'object') {
    if (ours.type !== 'map') return [`${at}: a map in the CRD, ${ours.type} here`];
    same('maxProperties', crd.maxProperties, ours.maxProperties);
    out.push(...compare(crd.additionalProperties, ours.values, `${at}{}`));
  } else if (crd.type === 'array' && crd.items) {
    if (ours.type !== 'array') return [`${at}: a list in the CRD, ${ours.type} here`];
    same('minItems', crd.minItems, ours.minItems);
    same('maxItems', crd.maxItems, ours.maxItems);
    out.push(...compare(crd.items, ours.items, `${at}[]`));
  } else if (crd.type === 'string') {
    if (ours.type !== 'string') return [`${at}: a string in the CRD, ${ours.type} here`];
    same('enum', crd.enum, ours.enum);
    same('maxLength', crd.maxLength, ours.maxLength);
    same('minLength', crd.minLength || undefined, ours.minLength || undefined);
    // Compared as JavaScript reads them (the CRD's `\/` and our `/` are the same expression).
    same('pattern', crd.pattern === undefined ? undefined : new RegExp(crd.pattern, ours.pattern?.re.flags).source, ours.pattern?.re.source);
  } else if (crd.type === 'integer') {
    if (ours.type !== 'integer') return [`${at}: an integer in the CRD, ${ours.type} here`];
    same('enum', crd.enum, ours.enum);
    same('minimum', crd.minimum, ours.minimum);
    same('maximum', crd.maximum, ours.maximum);
  } else if (crd.type === 'boolean') {
    if (ours.type !== 'boolean') out.push(`${at}: a boolean in the CRD, ${ours.type} here`);
  }
  return out;
}

const gatewayKinds = (Object.keys(KNOWN_KINDS) as KnownKind[]).filter((k) => KNOWN_KINDS[k].group === 'gateway.networking.k8s.io');

for (const kind of gatewayKinds) {
  const file = join(CRD_DIR, `gateway.networking.k8s.io_${KNOWN_KINDS[kind].plural}.yaml`);
  test(`${kind}: the validators know every field and bound of the CRD`, { skip: !existsSync(file) && 'the upstream CRDs (../shared/gateway-api) are not here' }, () => {
    const crd = parse(readFileSync(file, 'utf8')) as { spec: { versions: { name: string; served: boolean; schema: { openAPIV3Schema: CrdSchema } }[] } };
    const versions = crd.spec.versions.filter((v) => v.served && (KNOWN_KINDS[kind].versions as readonly string[]).includes(v.name));
    assert.ok(versions.length > 0, `no served version of ${kind} in the CRD`);
    const differences = versions.flatMap((v) => {
      const spec = v.schema.openAPIV3Schema.properties!.spec!;
      const ours = schemaFor(kind, v.name);
      return ours.type === 'object' ? compare(spec, ours.fields.spec!, `${v.name} spec`) : [];
    });
    assert.deepEqual(differences, []);
  });
}

// Switchyard's own CRD ships in this repository, so this check always runs.
const PROXY_CRD = new URL('../../../deploy/crds/switchyardproxies.yaml', import.meta.url).pathname;
test('SwitchyardProxy: the validator knows every field and bound of deploy/crds/switchyardproxies.yaml', () => {
  const crd = parse(readFileSync(PROXY_CRD, 'utf8')) as { spec: { versions: { name: string; schema: { openAPIV3Schema: CrdSchema } }[] } };
  assert.deepEqual(crd.spec.versions.map((v) => v.name), [...KNOWN_KINDS.SwitchyardProxy.versions]);
  const differences = crd.spec.versions.flatMap((v) => {
    const ours = schemaFor('SwitchyardProxy', v.name);
    return ours.type === 'object' ? compare(v.schema.openAPIV3Schema.properties!.spec!, ours.fields.spec!, `${v.name} spec`) : [];
  });
  assert.deepEqual(differences, []);
});
