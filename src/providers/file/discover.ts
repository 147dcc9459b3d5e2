/**
 * Finding the manifest files under the configured paths.
 *
 * - A path that is a file is read whatever its extension; directories are walked recursively for
 *   `.yaml`, `.yml` and `.json` files, entries sorted by name (code-unit order, locale-independent),
 *   so the load order, and therefore which of two duplicates wins, is stable.
 * - Symlinks are followed, as Kubernetes ConfigMap volumes need: there, `app.yaml` is a symlink to
 *   `..data/app.yaml`, `..data` a symlink to a hidden timestamped directory (`..2024_01_31_...`)
 *   which the kubelet swaps atomically. Hidden entries (a leading ".") are skipped — the timestamped
 *   directories, but also `.git` and editor droppings such as `.#app.yaml` — except `..data`, which
 *   is walked last so that its files, usually already read through their top-level symlinks, keep
 *   their user-facing names. A file reached twice (same real path) is read once; directory cycles
 *   are cut.
 * - Every real directory visited is returned too: the watcher watches exactly those.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';

export interface Discovery {
  /** Files to read, in load order, named as reached from the configured path. */
  readonly files: readonly string[];
  /** Paths that could not be listed or do not exist (configured paths or directories below them). */
  readonly failed: readonly { readonly path: string; readonly message: string }[];
  /** Real paths of every directory to watch: those walked, plus the parents of the configured paths. */
  readonly directories: readonly string[];
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const CONFIGMAP_DATA_DIR = '..data';

export const isManifestFile = (name: string) => MANIFEST_EXTENSIONS.has(extname(name).toLowerCase());

export async function discoverFiles(paths: readonly string[]): Promise<Discovery> {
  const files: string[] = [];
  const failed: { path: string; message: string }[] = [];
  const directories = new Set<string>();
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();

  const addFile = async (path: string) => {
    // A dangling symlink has no real path: keep it, so that reading it reports the problem.
    const real = await realpath(path).catch(() => resolve(path));
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(path);
  };

  const walk = async (dir: string): Promise<void> => {
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(dir);
      if (seenDirs.has(real)) return;
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      failed.push({ path: dir, message: describe(error) });
      return;
    }
    seenDirs.add(real);
    directories.add(real);
    const names = entries.map((e) => e.name).filter((n) => !n.startsWith('.')).sort(byCodeUnit);
    if (entries.some((e) => e.name === CONFIGMAP_DATA_DIR)) names.push(CONFIGMAP_DATA_DIR);
    for (const name of names) {
      const entry = entries.find((e) => e.name === name)!;
      const path = join(dir, name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => undefined);
        isDir = target?.isDirectory() ?? false;
        isFile = target ? target.isFile() : isManifestFile(name); // dangling: reported when read
      }
      if (isDir) await walk(path);
      else if (isFile && isManifestFile(name)) await addFile(path);
    }
  };

  for (const path of paths) {
    // The parent is watched so that a configured path deleted and re-created (or renamed into place) is noticed.
    directories.add(await realpath(dirname(resolve(path))).catch(() => dirname(resolve(path))));
    const info = await stat(path).catch((error: unknown) => error as Error);
    if (info instanceof Error) failed.push({ path, message: describe(info) });
    else if (info.isDirectory()) await walk(path);
    else await addFile(path);
  }
  return { files, failed, directories: [...directories] };
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
