/**
 * A tiny declarative schema, just enough to express what a CRD's OpenAPI schema enforces (types,
 * required fields, enums, patterns, lengths, item counts, list uniqueness), plus `rules`: the
 * hand-written equivalents of its CEL `x-kubernetes-validations`.
 *
 * Rules run only when their subtree passed the structural checks, as the API server only evaluates
 * CEL over well-typed values; so a rule can trust the shape (typed with the api/ interfaces) and a
 * single mistake is reported once, not once per rule that trips over it.
 *
 * Unknown fields are reported as warnings and kept: the API server would prune them, but a typo
 * (`backendRef:` for `backendRefs:`) deserves to be pointed at rather than silently dropped.
 */

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface Issue {
  readonly path: Path;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** Reports a problem at a path relative to the value a rule is checking. */
export type Report = (at: Path | PathSegment, message: string) => void;
export type Rule<T> = (value: T, report: Report) => void;

/** A named pattern: the regular expression and how to describe it in a message. */
export interface Pattern {
  readonly re: RegExp;
  readonly what: string;
}

interface Common { readonly rules: readonly Rule<never>[] }
export interface StringSchema extends Common {
  readonly type: 'string';
  readonly enum?: readonly string[];
  readonly pattern?: Pattern;
  readonly minLength?: number;
  readonly maxLength?: number;
}
export interface IntegerSchema extends Common {
  readonly type: 'integer';
  readonly enum?: readonly number[];
  readonly minimum?: number;
  readonly maximum?: number;
}
export interface BooleanSchema extends Common { readonly type: 'boolean' }
export interface AnySchema extends Common { readonly type: 'any' }
export interface ObjectSchema extends Common {
  readonly type: 'object';
  readonly fields: Readonly<Record<string, Schema>>;
  readonly required: readonly string[];
}
export interface MapSchema extends Common {
  readonly type: 'map';
  readonly values: Schema;
  readonly maxProperties?: number;
}
export interface ArraySchema extends Common {
  readonly type: 'array';
  readonly items: Schema;
  readonly minItems?: number;
  readonly maxItems?: number;
  /** x-kubernetes-list-type: `set` (no duplicate values) or `map` with these key fields. */
  readonly unique?: 'set' | readonly string[];
}
/** Integer or string (Service targetPort): the first alternative whose JSON type matches. */
export interface OneOfTypeSchema extends Common {
  readonly type: 'int-or-string';
  readonly integer: IntegerSchema;
  readonly string: StringSchema;
}
export type Schema = StringSchema | IntegerSchema | BooleanSchema | AnySchema | ObjectSchema | MapSchema | ArraySchema | OneOfTypeSchema;

type Opts<S, T> = Omit<Partial<S>, 'type' | 'rules'> & { rules?: readonly Rule<T>[] };
const rulesOf = <T>(rules: readonly Rule<T>[] | undefined): readonly Rule<never>[] => (rules ?? []) as readonly Rule<never>[];

export const str = (o: Opts<StringSchema, string> = {}): StringSchema => ({ ...o, type: 'string', rules: rulesOf(o.rules) });
export const int = (o: Opts<IntegerSchema, number> = {}): IntegerSchema => ({ ...o, type: 'integer', rules: rulesOf(o.rules) });
export const bool = (): BooleanSchema => ({ type: 'boolean', rules: [] });
export const any = (): AnySchema => ({ type: 'any', rules: [] });
export const intOrString = (integer: IntegerSchema, string: StringSchema): OneOfTypeSchema =>
  ({ type: 'int-or-string', integer, string, rules: [] });
export const map = <T = Record<string, unknown>>(values: Schema, o: Opts<MapSchema, T> = {}): MapSchema =>
  ({ ...o, type: 'map', values, rules: rulesOf(o.rules) });
export const arr = <T = unknown[]>(items: Schema, o: Opts<ArraySchema, T> = {}): ArraySchema =>
  ({ ...o, type: 'array', items, rules: rulesOf(o.rules) });
export function obj<T = Record<string, unknown>>(
  fields: Record<string, Schema>,
  o: { required?: readonly (keyof T & string)[]; rules?: readonly Rule<T>[] } = {},
): ObjectSchema {
  return { type: 'object', fields, required: o.required ?? [], rules: rulesOf(o.rules) };
}
/** The same object schema with more fields, required fields or rules (e.g. a version's additions). */
export function extend<T = Record<string, unknown>>(
  base: ObjectSchema,
  o: { fields?: Record<string, Schema>; required?: readonly string[]; rules?: readonly Rule<T>[] },
): ObjectSchema {
  return {
    type: 'object',
    fields: { ...base.fields, ...o.fields },
    required: [...base.required, ...(o.required ?? [])],
    rules: [...base.rules, ...rulesOf(o.rules)],
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v);
const quote = (v: unknown): string => JSON.stringify(v);

/** Validates a value against a schema; issues carry absolute paths (prefixed with `at`). */
export function validate(schema: Schema, value: unknown, at: Path = []): Issue[] {
  const issues: Issue[] = [];
  check(schema, value, at, issues);
  return issues;
}

function check(schema: Schema, value: unknown, at: Path, issues: Issue[]): void {
  const errorsBefore = countErrors(issues);
  const error = (path: Path, message: string): void => {
    issues.push({ path, message, severity: 'error' });
  };
  switch (schema.type) {
    case 'any':
      break;
    case 'string':
      if (typeof value !== 'string') return error(at, `must be a string (got ${typeName(value)})`);
      checkString(schema, value, at, error);
      break;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return error(at, `must be an integer (got ${typeName(value)})`);
      checkInteger(schema, value, at, error);
      break;
    case 'int-or-string':
      if (typeof value === 'string') checkString(schema.string, value, at, error);
      else if (typeof value === 'number' && Number.isInteger(value)) checkInteger(schema.integer, value, at, error);
      else return error(at, `must be an integer or a string (got ${typeName(value)})`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return error(at, `must be a boolean (got ${typeName(value)})`);
      break;
    case 'object':
      if (!isRecord(value)) return error(at, `must be an object (got ${typeName(value)})`);
      for (const name of schema.required) {
        if (value[name] === undefined || value[name] === null) error([...at, name], 'required field is missing');
      }
      for (const [name, child] of Object.entries(value)) {
        const field = Object.hasOwn(schema.fields, name) ? schema.fields[name] : undefined;
        if (!field) issues.push({ path: [...at, name], message: 'unknown field; ignored', severity: 'warning' });
        // null is what `field:` with no value reads as; the API server treats it as absent.
        else if (child !== null) check(field, child, [...at, name], issues);
      }
      break;
    case 'map':
      if (!isRecord(value)) return error(at, `must be an object (got ${typeName(value)})`);
      if (schema.maxProperties !== undefined && Object.keys(value).length > schema.maxProperties) {
        error(at, `must have at most ${schema.maxProperties} entries`);
      }
      for (const [name, child] of Object.entries(value)) check(schema.values, child, [...at, name], issues);
      break;
    case 'array':
      if (!Array.isArray(value)) return error(at, `must be a list (got ${typeName(value)})`);
      if (schema.minItems !== undefined && value.length < schema.minItems) error(at, `must have at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
      if (schema.maxItems !== undefined && value.length > schema.maxItems) error(at, `must have at most ${schema.maxItems} items (has ${value.length})`);
      value.forEach((item, i) => check(schema.items, item, [...at, i], issues));
      if (schema.unique && countErrors(issues) === errorsBefore) checkUnique(schema.unique, value, at, error);
      break;
  }
  if (schema.rules.length > 0 && countErrors(issues) === errorsBefore) {
    const report: Report = (sub, message) => error([...at, ...(Array.isArray(sub) ? sub : [sub as PathSegment])], message);
    for (const rule of schema.rules) (rule as Rule<unknown>)(value, report);
  }
}

function countErrors(issues: readonly Issue[]): number {
  let n = 0;
  for (const issue of issues) if (issue.severity === 'error') n++;
  return n;
}

function checkString(s: StringSchema, value: string, at: Path, error: (p: Path, m: string) => void): void {
  if (s.enum && !s.enum.includes(value)) return error(at, `${quote(value)} is not one of ${s.enum.map(quote).join(', ')}`);
  // Lengths count characters (code points), as Kubernetes does.
  const length = [...value].length;
  if (s.minLength !== undefined && length < s.minLength) return error(at, s.minLength === 1 ? 'must not be empty' : `must be at least ${s.minLength} characters long`);
  if (s.maxLength !== undefined && length > s.maxLength) return error(at, `must be at most ${s.maxLength} characters long (is ${length})`);
  if (s.pattern && !s.pattern.re.test(value)) error(at, `${quote(value)} is not ${s.pattern.what}`);
}

function checkInteger(s: IntegerSchema, value: number, at: Path, error: (p: Path, m: string) => void): void {
  if (s.enum && !s.enum.includes(value)) return error(at, `${value} is not one of ${s.enum.join(', ')}`);
  if (s.minimum !== undefined && value < s.minimum) error(at, `must be at least ${s.minimum} (is ${value})`);
  if (s.maximum !== undefined && value > s.maximum) error(at, `must be at most ${s.maximum} (is ${value})`);
}

function checkUnique(unique: 'set' | readonly string[], items: unknown[], at: Path, error: (p: Path, m: string) => void): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = unique === 'set' ? JSON.stringify(item) : JSON.stringify(unique.map((k) => (isRecord(item) ? item[k] : undefined)));
    if (seen.has(key)) {
      error([...at, i], unique === 'set' ? `duplicate value ${key}` : `duplicate entry: ${unique.join('/')} ${key.slice(1, -1)} is already listed`);
    }
    seen.add(key);
  });
}

/** `spec.rules[0].matches[0].path.value`: a path as the API server prints it. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
