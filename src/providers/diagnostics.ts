/**
 * Diagnostics: what a configuration source reports about the manifests it read. Every diagnostic
 * points at a file and line, names the resource when there is one, and says what to do.
 *
 * The codes are stable (tests and docs refer to them); errors reject something (a file, an object),
 * warnings never do.
 */

export const DIAGNOSTIC_CODES = {
  /** A -f path does not exist or cannot be listed. */
  SY_ERR_CONFIG_PATH: 'error',
  /** A file could not be read. */
  SY_ERR_CONFIG_READ: 'error',
  /** A file is not valid YAML/JSON: the whole file is rejected. */
  SY_ERR_CONFIG_SYNTAX: 'error',
  /** A document is not a Kubernetes object (not a mapping, or no apiVersion, kind or metadata.name). */
  SY_ERR_CONFIG_SHAPE: 'error',
  /** A kind Switchyard reads, in an apiVersion it does not serve. */
  SY_ERR_CONFIG_VERSION: 'error',
  /** An object fails the schema or CEL rules a cluster would enforce. */
  SY_ERR_CONFIG_INVALID: 'error',
  /** A second object with the same kind, namespace and name. */
  SY_ERR_CONFIG_DUPLICATE: 'error',
  /** A kind Switchyard does not read: ignored. */
  SY_WARN_CONFIG_UNKNOWN_KIND: 'warning',
  /** A field the schema does not know: ignored. */
  SY_WARN_CONFIG_UNKNOWN_FIELD: 'warning',
  /** Something valid but probably not what was meant (e.g. an unlabelled EndpointSlice). */
  SY_WARN_CONFIG_SUSPICIOUS: 'warning',
  /** A file or object is invalid now; its last good version is still served. */
  SY_WARN_CONFIG_LAST_GOOD: 'warning',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: 'error' | 'warning';
  /** The file as reached from the configured path (e.g. `routes/api.yaml`); the path itself for path errors. */
  readonly file: string;
  /** 1-based line; 0 when the problem is not in the file's content (unreadable, missing). */
  readonly line: number;
  /** `HTTPRoute demo/my-route` (cluster-scoped: `GatewayClass name`), when the problem is one object's. */
  readonly resource?: string;
  /** `spec.rules[0].matches[0].path.value`, when the problem is one field's. */
  readonly field?: string;
  readonly message: string;
}

/** Builds a diagnostic; the severity follows from the code. */
export function diagnostic(code: DiagnosticCode, at: { file: string; line: number }, message: string,
  extra: { resource?: string | undefined; field?: string | undefined } = {}): Diagnostic {
  return {
    code, severity: DIAGNOSTIC_CODES[code], file: at.file, line: at.line, message,
    ...(extra.resource !== undefined && { resource: extra.resource }),
    ...(extra.field !== undefined && extra.field !== '' && { field: extra.field }),
  };
}

/** `routes/api.yaml:14: HTTPRoute demo/my-route: spec.rules[0].matches[0].path.value: must start with "/"` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  return [where, d.resource, d.field, d.message].filter((part) => part !== undefined && part !== '').join(': ');
}

/** `Kind namespace/name` or `Kind name`, as diagnostics name a resource. */
export function resourceName(kind: string, name: string, namespace?: string): string {
  return namespace ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
}
