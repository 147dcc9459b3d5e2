/**
 * What the API server would add to an object on create, and the translator relies on.
 *
 * - `metadata.namespace`: "default" for namespaced kinds (kubectl's default namespace).
 * - `metadata.generation`: 1. (The file provider bumps it when an object's spec changes between
 *   reloads; see generations.ts.)
 * - `metadata.creationTimestamp`: route conflicts are decided by the oldest creationTimestamp, then
 *   by namespace/name. Standalone objects were never created anywhere, so every one gets the same
 *   instant, the Unix epoch: precedence then falls through to the spec's own tie-break,
 *   alphabetical namespace/name. That is stable across reloads and restarts, independent of file
 *   names, of the order files are listed in and of when an object was added, and `switchyard check`
 *   predicts exactly what `serve` does. (Order of first appearance would make renaming a file, or
 *   adding one that sorts earlier, silently reorder existing routes.) An explicit
 *   creationTimestamp in the manifest wins, which is how a user pins precedence deliberately.
 * - Secrets: `stringData` is merged into `data` as base64 (stringData wins) and dropped, as the API
 *   server stores it.
 * - Namespaces: the `kubernetes.io/metadata.name` label every namespace carries since Kubernetes
 *   1.22, which namespace selectors commonly use.
 * - Fields set to null (`field:` with no value) are removed: the API server prunes nulls of
 *   non-nullable fields, and the validators already treated them as absent.
 * - `status` is dropped, as the API server drops it on create (it is a subresource): a manifest
 *   exported from a cluster must not pass off another controller's status as Switchyard's.
 * - The CRD schema defaults (crd-defaults.ts): parentRef group/kind, backendRef group/kind/weight,
 *   HTTPRoute's default `PathPrefix /` match, match types, allowedRoutes, TLS mode, redirect status
 *   code, … so that status echoes parentRefs exactly as a cluster stores them.
 */
import type { KubeObject } from '../../api/index.ts';
import { applyCrdDefaults } from './crd-defaults.ts';

export const STANDALONE_CREATION_TIMESTAMP = '1970-01-01T00:00:00Z';
export const DEFAULT_NAMESPACE = 'default';
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * A copy of an object with the defaults applied (the input is not modified). It runs before
 * validation, as the API server defaults before it validates, so it must not trust the shape.
 */
export function applyDefaults(input: KubeObject, namespaced: boolean): KubeObject {
  // withoutNulls returns a deep copy, so the CRD defaults can fill it in place.
  const object = withoutNulls(input);
  applyCrdDefaults(object);
  const { namespace, ...meta } = object.metadata;
  const metadata = {
    ...meta,
    ...(namespaced && { namespace: namespace ?? DEFAULT_NAMESPACE }),
    generation: meta.generation ?? 1,
    creationTimestamp: meta.creationTimestamp ?? STANDALONE_CREATION_TIMESTAMP,
  };
  // Validation comes after defaulting (as in the API server), so a malformed field is left as it
  // is for the validator to report rather than merged into something else.
  if (object.kind === 'Namespace' && (meta.labels === undefined || isRecord(meta.labels))) {
    metadata.labels = { ...meta.labels, [NAMESPACE_NAME_LABEL]: meta.name };
  }
  const { status: _status, ...body } = object;
  const result: KubeObject = { ...body, metadata };
  if (object.kind === 'Secret' && isStringMap(object.stringData) && (object.data === undefined || isRecord(object.data))) {
    const { stringData, ...secret } = result;
    const encoded = Object.fromEntries(Object.entries(stringData as Record<string, string>)
      .map(([key, value]) => [key, Buffer.from(value, 'utf8').toString('base64')]));
    return { ...secret, data: { ...(secret.data as Record<string, string> | undefined), ...encoded } };
  }
  return result;
}

/**
 * The path, in the object as written, of a field of the defaulted object, so that a diagnostic
 * points at the line the user wrote: a Secret's `data.<key>` that came from `stringData.<key>` is
 * reported there. Fields the defaults created are not in the file; the line lookup then falls back
 * to their nearest written parent.
 */
export function writtenPath(input: Record<string, unknown>, path: readonly (string | number)[]): (string | number)[] {
  const [first, key, ...rest] = path;
  if (input.kind === 'Secret' && first === 'data' && typeof key === 'string' && isRecord(input.stringData) && Object.hasOwn(input.stringData, key)) {
    return ['stringData', key, ...rest];
  }
  return [...path];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringMap = (v: unknown): v is Record<string, string> => isRecord(v) && Object.values(v).every((x) => typeof x === 'string');

function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutNulls) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)])) as T;
}

/** Freezes an object and everything in it: the loaded configuration is shared, never edited. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
