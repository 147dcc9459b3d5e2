/**
 * Loading manifests: discover the files, read and parse each, admit each object, then assemble one
 * configuration — duplicates rejected (the first in load order wins), everything frozen.
 *
 * `loadManifests` is the one-shot entry point (`switchyard check`); the file provider uses the
 * stages separately so it can put last-good versions in between (last-good.ts).
 */
import { readFile } from 'node:fs/promises';
import type { SourcePosition } from '../../store/index.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ConfigUpdate, SourcedObject, SourceReport } from '../provider.ts';
import { admitObject } from './admit.ts';
import { deepFreeze } from './defaults.ts';
import { discoverFiles, type Discovery } from './discover.ts';
import { parseManifest } from './parse.ts';

/** An admitted object and where it was read. */
export interface LoadedObject extends SourcedObject {
  readonly source: SourcePosition;
}

export type FileReport = SourceReport;

/** One load: the configuration and everything said about it. */
export interface LoadResult extends ConfigUpdate {
  /** Admitted objects, in load order (files in discovery order, documents in file order). */
  readonly objects: readonly LoadedObject[];
}

/** One file's outcome, before duplicates across files are resolved. */
export interface FileLoad {
  readonly path: string;
  readonly failed: boolean;
  readonly accepted: readonly { readonly key: string; readonly loaded: LoadedObject }[];
  /** The objects rejected whose kind and name could be told: key and line. */
  readonly rejectedObjects: readonly { readonly key: string; readonly line: number }[];
  readonly rejected: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly lastGood?: boolean;
}

/** Reads, parses and admits one file. Never throws. */
export async function loadFile(path: string): Promise<FileLoad> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const message = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'cannot read: no such file (a dangling symlink?)' : `cannot read: ${(error as Error).message}`;
    return failedFile(path, diagnostic('SY_ERR_CONFIG_READ', { file: path, line: 0 }, message));
  }
  return loadText(path, text);
}

/** Parses and admits a file's text. Never throws. */
export function loadText(path: string, text: string): FileLoad {
  const parsed = parseManifest(text);
  if (!parsed.ok) {
    return failedFile(path, diagnostic('SY_ERR_CONFIG_SYNTAX', { file: path, line: parsed.line }, `not valid YAML/JSON, file ignored: ${parsed.message}`));
  }
  const accepted: { key: string; loaded: LoadedObject }[] = [];
  const rejectedObjects: { key: string; line: number }[] = [];
  const diagnostics: Diagnostic[] = [];
  let rejected = 0;
  for (const raw of parsed.objects) {
    const admission = admitObject(raw, path);
    diagnostics.push(...admission.diagnostics);
    if (admission.object && admission.key) {
      accepted.push({ key: admission.key, loaded: { object: admission.object, source: { file: path, line: raw.line } } });
    } else if (admission.diagnostics.some((d) => d.severity === 'error')) {
      rejected++;
      if (admission.key) rejectedObjects.push({ key: admission.key, line: raw.line });
    }
  }
  return { path, failed: false, accepted, rejectedObjects, rejected, diagnostics };
}

function failedFile(path: string, error: Diagnostic): FileLoad {
  return { path, failed: true, accepted: [], rejectedObjects: [], rejected: 0, diagnostics: [error] };
}

/** Discovers and loads every file (in parallel; results keep discovery order). */
export async function loadFiles(paths: readonly string[]): Promise<{ discovery: Discovery; files: FileLoad[] }> {
  const discovery = await discoverFiles(paths);
  const files = await Promise.all(discovery.files.map(loadFile));
  return { discovery, files };
}

/** Path diagnostics for what discovery could not list. */
export function discoveryErrors(discovery: Discovery): Diagnostic[] {
  return discovery.failed.map((f) => diagnostic('SY_ERR_CONFIG_PATH', { file: f.path, line: 0 }, `cannot read configuration path: ${f.message}`));
}

/** Resolves duplicates across files (first in load order wins) and freezes the result. */
export function assemble(files: readonly FileLoad[], extra: readonly Diagnostic[] = []): LoadResult {
  const objects: LoadedObject[] = [];
  const firstSeen = new Map<string, LoadedObject>();
  const diagnostics: Diagnostic[] = [...extra];
  const reports: FileReport[] = [];
  for (const file of files) {
    diagnostics.push(...file.diagnostics);
    let served = 0;
    let duplicates = 0;
    for (const { key, loaded } of file.accepted) {
      const first = firstSeen.get(key);
      if (first) {
        duplicates++;
        const { file: firstFile, line: firstLine } = first.source;
        diagnostics.push(diagnostic('SY_ERR_CONFIG_DUPLICATE', loaded.source,
          `duplicate of the object at ${firstFile}:${firstLine} (same kind, namespace and name); this one is ignored, the first is kept`,
          { resource: key.replace('/', ' ') }));
        continue;
      }
      firstSeen.set(key, loaded);
      objects.push(deepFreeze(loaded));
      served++;
    }
    reports.push({ path: file.path, status: file.failed ? 'failed' : 'loaded', objects: served, rejected: file.rejected + duplicates, lastGood: file.lastGood ?? false });
  }
  return {
    objects,
    errors: diagnostics.filter((d) => d.severity === 'error'),
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
    files: reports,
  };
}

/**
 * Loads every manifest under the paths, once. Never throws: problems are in `errors` (each rejects
 * only a file or an object; the rest loads) and `warnings`.
 */
export async function loadManifests(paths: readonly string[]): Promise<LoadResult> {
  const { discovery, files } = await loadFiles(paths);
  return assemble(files, discoveryErrors(discovery));
}
