/**
 * Configuration sources. Each turns an outside world into complete object sets for the control
 * loop (the Provider contract, provider.ts). Standalone mode's source is the file provider.
 */

/** The contract every source implements, and the update it delivers. */
export type { ConfigSink, ConfigUpdate, Provider, SourcedObject, SourceReport, StatusWrite } from './provider.ts';
/** Positioned, coded problems found in a configuration, and their one-line rendering. */
export { DIAGNOSTIC_CODES, formatDiagnostic, type Diagnostic, type DiagnosticCode } from './diagnostics.ts';
/** One-shot load of every manifest under some paths (`switchyard check`). */
export { loadManifests, type FileReport, type LoadedObject, type LoadResult } from './file/load.ts';
/** Load, then watch and reload with last-good semantics (`switchyard serve`). */
export { FileProvider, type FileProviderOptions } from './file/file-provider.ts';
/** The defaults a cluster would have applied to standalone objects. */
export { DEFAULT_NAMESPACE, STANDALONE_CREATION_TIMESTAMP } from './file/defaults.ts';
/** Validation of one object against the CRD schema and CEL rules of its kind and version. */
export { validateObject, formatPath, type Issue } from './validation/index.ts';
