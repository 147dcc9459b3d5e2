/** Test helper: validate one object and return its errors (and warnings) as `path: message` lines. */
import type { KnownKind } from '../../api/index.ts';
import { formatPath, validateObject } from './index.ts';

export function problems(kind: KnownKind, object: Record<string, unknown>, version = 'v1', severity: 'error' | 'warning' = 'error'): string[] {
  return validateObject(kind, version, object).filter((i) => i.severity === severity).map((i) => `${formatPath(i.path)}: ${i.message}`);
}

/** Runs one case: no errors when `expected` is undefined, else exactly one error matching it. */
export function expectCase(kind: KnownKind, object: Record<string, unknown>, expected: RegExp | undefined, version = 'v1'): string | undefined {
  const found = problems(kind, object, version);
  if (expected === undefined) return found.length === 0 ? undefined : `expected no errors, got:\n  ${found.join('\n  ')}`;
  if (!found.some((p) => expected.test(p))) return `expected an error matching ${expected}, got:\n  ${found.join('\n  ') || '(none)'}`;
  return undefined;
}
