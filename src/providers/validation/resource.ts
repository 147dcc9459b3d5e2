/** The envelope every object shares: apiVersion, kind, metadata, and a status the loader ignores. */
import { any, obj, str, type ObjectSchema, type Rule, type Schema } from './schema.ts';
import { metadata } from './metadata.ts';

export function resource<T>(
  body: Record<string, Schema>, required: readonly string[], meta: ObjectSchema = metadata(), rules: readonly Rule<T>[] = [],
): ObjectSchema {
  return obj<T>({ apiVersion: str(), kind: str(), metadata: meta, status: any(), ...body }, {
    required: ['metadata', ...required] as (keyof T & string)[],
    rules,
  });
}
