/**
 * Last good configuration: while a file is broken, keep serving what it last said.
 *
 * The rule, applied on every reload against the previous load's effective result:
 * 1. A file that cannot be read or parsed (a half-written save, a syntax slip): all the objects
 *    last loaded from it are kept, and the error is reported. Any syntax error rejects the whole
 *    file (parse.ts), so a truncated file never makes the objects in its lost tail disappear.
 * 2. A file that parses, with an object that is rejected (invalid, unsupported apiVersion): the
 *    previous version of that same object (same kind, namespace and name) is kept, as a cluster
 *    keeps the stored object when `kubectl apply` of an invalid edit fails. A new object that is
 *    invalid has no previous version: it is simply absent.
 * 3. A configured path (or a directory under it) that cannot be listed — deleted, being replaced,
 *    unreadable: the objects last loaded from files under it are kept. Deleting a directory and
 *    writing it again (`rm -r conf && cp -r new conf`) therefore never empties the configuration.
 * 4. A file that is no longer there, under a path that still lists fine: deleted on purpose; its
 *    objects go.
 * Each kept file or object adds a SY_WARN_CONFIG_LAST_GOOD warning next to the error that caused it.
 * Kept versions carry their old source positions, and count as earlier than anything else when
 * duplicates are resolved only if they come first in load order (they keep their file's place).
 */
import { sep } from 'node:path';
import { diagnostic } from '../diagnostics.ts';
import type { Discovery } from './discover.ts';
import type { FileLoad, LoadedObject } from './load.ts';

export function withLastGood(current: readonly FileLoad[], discovery: Discovery, previous: ReadonlyMap<string, FileLoad>): FileLoad[] {
  const previousObjects = new Map<string, LoadedObject>();
  for (const file of previous.values()) for (const { key, loaded } of file.accepted) previousObjects.set(key, loaded);
  const acceptedNow = new Set<string>();
  for (const file of current) for (const { key } of file.accepted) acceptedNow.add(key);

  const result = current.map((file): FileLoad => {
    const before = previous.get(file.path);
    if (file.failed) {
      if (!before || before.accepted.length === 0) return file;
      const kept = diagnostic('SY_WARN_CONFIG_LAST_GOOD', { file: file.path, line: 0 },
        `serving the ${before.accepted.length} object(s) last loaded from this file until it can be read again`);
      return { ...file, accepted: before.accepted, lastGood: true, diagnostics: [...file.diagnostics, kept] };
    }
    const restored = file.rejectedObjects.flatMap(({ key, line }) => {
      const loaded = previousObjects.get(key);
      if (!loaded || acceptedNow.has(key)) return [];
      acceptedNow.add(key);
      const message = `serving the last good version (from ${loaded.source.file}:${loaded.source.line}) until this object is fixed`;
      return [{ key, loaded, warning: diagnostic('SY_WARN_CONFIG_LAST_GOOD', { file: file.path, line }, message, { resource: key.replace('/', ' ') }) }];
    });
    if (restored.length === 0) return file;
    return {
      ...file,
      accepted: [...file.accepted, ...restored.map(({ key, loaded }) => ({ key, loaded }))],
      lastGood: true,
      diagnostics: [...file.diagnostics, ...restored.map((r) => r.warning)],
    };
  });

  const present = new Set(current.map((f) => f.path));
  const under = (file: string, dir: string) => file === dir || file.startsWith(dir.endsWith(sep) ? dir : dir + sep);
  for (const [path, before] of previous) {
    if (present.has(path) || before.accepted.length === 0) continue;
    const gone = discovery.failed.find((f) => under(path, f.path));
    if (!gone) continue;
    const kept = diagnostic('SY_WARN_CONFIG_LAST_GOOD', { file: path, line: 0 },
      `${gone.path} cannot be read (${gone.message}); serving the ${before.accepted.length} object(s) last loaded from this file`);
    result.push({ ...before, lastGood: true, diagnostics: [kept] });
  }
  return result;
}
