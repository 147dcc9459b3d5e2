/**
 * Property: whatever the text, the loader returns diagnostics instead of throwing, and whatever it
 * admits has the shape the translator relies on. Inputs: arbitrary text, arbitrary JSON values as
 * YAML, and valid manifests with random parts replaced, removed or duplicated.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { KNOWN_KINDS, isKnownKind } from '../../api/index.ts';
import { loadText, type FileLoad } from './load.ts';

const MIXED = new URL('./testdata/mixed', import.meta.url).pathname;
// Seeds: our fixtures, plus the upstream conformance manifests when they are here (richer shapes).
const CONFORMANCE_TESTS = new URL('../../../../shared/gateway-api/conformance/tests', import.meta.url).pathname;
const seedFiles = [
  ...['01-gateway.yaml', 'routes/api.yaml', 'secret.yml', 'services.json'].map((f) => join(MIXED, f)),
  ...(existsSync(CONFORMANCE_TESTS) ? readdirSync(CONFORMANCE_TESTS).filter((f) => f.endsWith('.yaml')).map((f) => join(CONFORMANCE_TESTS, f)) : []),
];
const SEEDS: unknown[] = seedFiles
  .flatMap((f) => parseAllDocuments(readFileSync(f, 'utf8')).map((d) => d.toJS() as unknown))
  .filter((v) => v !== null && isKnownKind(String((v as { kind?: unknown }).kind)));

function checkInvariants(load: FileLoad): void {
  for (const d of load.diagnostics) {
    assert.ok(d.line >= 0 && Number.isInteger(d.line), `bad line ${d.line}`);
    assert.ok(d.message.length > 0);
    assert.equal(d.file, 'fuzz.yaml');
  }
  for (const { loaded } of load.accepted) {
    const { kind, metadata } = loaded.object;
    assert.ok(isKnownKind(kind));
    assert.equal(typeof metadata.name, 'string');
    assert.equal(typeof metadata.namespace === 'string', KNOWN_KINDS[kind].namespaced);
    assert.ok(Number.isInteger(metadata.generation) && metadata.generation! >= 1);
    assert.equal(typeof metadata.creationTimestamp, 'string');
  }
}

type Json = unknown;
/** Every path into a JSON value, parents before children. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}
function mutate(value: Json, at: (string | number)[], op: 'replace' | 'delete' | 'duplicate', replacement: Json): Json {
  if (at.length === 0) return op === 'replace' ? replacement : value;
  const [head, ...rest] = at;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length > 0) copy[head as number] = mutate(copy[head as number], rest, op, replacement);
    else if (op === 'delete') copy.splice(head as number, 1);
    else if (op === 'duplicate') copy.splice(head as number, 0, copy[head as number]);
    else copy[head as number] = replacement;
    return copy;
  }
  const copy = { ...(value as Record<string, Json>) };
  if (rest.length > 0) copy[head as string] = mutate(copy[head as string], rest, op, replacement);
  else if (op === 'delete') delete copy[head as string];
  else copy[head as string] = op === 'duplicate' ? [copy[head as string], copy[head as string]] : replacement;
  return copy;
}

test('arbitrary text never makes the loader throw', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => checkInvariants(loadText('fuzz.yaml', text))), { numRuns: 500 });
});

test('arbitrary YAML-shaped text (keys, dashes, brackets) never makes the loader throw', () => {
  const token = fc.constantFrom('apiVersion: ', 'kind: ', 'metadata:', '  name: ', '- ', '---', '[', ']', '{', '}', ': ', '\n', '  ', 'v1', 'Service', 'HTTPRoute', '&a ', '*a', '<<: ', '"', "'", '#', '\t', 'items:', 'List');
  fc.assert(fc.property(fc.array(token, { maxLength: 60 }), (tokens) => checkInvariants(loadText('fuzz.yaml', tokens.join('')))), { numRuns: 500 });
});

test('arbitrary JSON documents never make the loader throw', () => {
  const doc = fc.oneof(
    fc.jsonValue(),
    fc.record({ apiVersion: fc.constantFrom('v1', 'gateway.networking.k8s.io/v1', 'x/y'), kind: fc.constantFrom(...Object.keys(KNOWN_KINDS), 'List'), metadata: fc.jsonValue(), spec: fc.jsonValue() }),
  );
  fc.assert(fc.property(fc.array(doc, { maxLength: 4 }), (docs) => {
    const text = docs.map((d) => stringify(d)).join('---\n');
    checkInvariants(loadText('fuzz.yaml', text));
  }), { numRuns: 300 });
});

test('valid manifests with random parts replaced, removed or duplicated never make the loader throw', () => {
  const mutation = fc.record({ pick: fc.nat(), op: fc.constantFrom('replace' as const, 'delete' as const, 'duplicate' as const), value: fc.jsonValue({ maxDepth: 2 }) });
  fc.assert(fc.property(fc.nat({ max: SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, mutations) => {
    let value = SEEDS[seed];
    for (const m of mutations) {
      const all = paths(value);
      value = mutate(value, all[m.pick % all.length]!, m.op, m.value);
    }
    checkInvariants(loadText('fuzz.yaml', stringify(value)));
  }), { numRuns: 2000 });
});
