/**
 * Parsing one manifest file: YAML (multi-document) or JSON, `kind: List` and typed lists
 * (`HTTPRouteList`) expanded into their items, every object paired with its line and a way to find
 * the line of any field in it.
 *
 * YAML is read as Kubernetes reads it (go-yaml, YAML 1.1 scalars): `yes`/`on` are booleans, `0644`
 * is octal; but timestamps and base-60 numbers stay strings, as they do in the API server's JSON.
 * A file with any syntax error is rejected whole: a half-saved file must not make the objects in its
 * unparsed tail disappear (see last-good.ts).
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { Path } from '../validation/index.ts';

/** One document or list item, before any Kubernetes checks. */
export interface RawObject {
  readonly value: unknown;
  /** 1-based line where the object starts. */
  readonly line: number;
  /** 1-based line of the field at `path` (of its nearest present ancestor when it is absent). */
  readonly lineOf: (path: Path) => number;
}

export type ParseResult =
  | { readonly ok: true; readonly objects: readonly RawObject[] }
  | { readonly ok: false; readonly line: number; readonly message: string };

const YAML_OPTIONS = {
  version: '1.1',
  uniqueKeys: true,
  // Keep go-yaml's view: no timestamp objects, no sexagesimal numbers.
  customTags: (tags: { tag: string; format?: string }[]) => tags.filter((t) => t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME'),
} as const;

/** Parses a file's text. Never throws. */
export function parseManifest(text: string): ParseResult {
  const lineCounter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter } as unknown as Parameters<typeof parseAllDocuments>[1]);
  } catch (error) {
    return { ok: false, line: 0, message: String(error) };
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const documents = Array.isArray(docs) ? docs : [];
  const objects: RawObject[] = [];
  for (const doc of documents) {
    const [error] = doc.errors;
    if (error) return { ok: false, line: error.linePos?.[0].line ?? 0, message: error.message.split(' at line ')[0]!.replace(/:\s*$/, '') };
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      return { ok: false, line: lineAt(doc.range[0]), message: e instanceof Error ? e.message : String(e) };
    }
    if (value === null || value === undefined) continue; // an empty document (e.g. a trailing `---`)
    const node = doc.contents as Node | null;
    objects.push(...expandList(value, node, lineAt));
  }
  return { ok: true, objects };
}

function rawObject(value: unknown, node: Node | null | undefined, lineAt: (offset: number) => number): RawObject {
  const line = node?.range ? lineAt(node.range[0]) : 1;
  return { value, line, lineOf: (path) => lineOfPath(node ?? null, path, line, lineAt) };
}

/**
 * `kind: List` (and `FooList` with items) holds objects; kubectl applies each. Items of a typed
 * list may leave out apiVersion and kind: they are the list's.
 */
function expandList(value: unknown, node: Node | null, lineAt: (offset: number) => number): RawObject[] {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
  const kind = record?.kind;
  if (!record || typeof kind !== 'string' || !kind.endsWith('List') || !Array.isArray(record.items)) return [rawObject(value, node, lineAt)];
  const itemNodes = isMap(node) ? node.get('items', true) : undefined;
  const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
  return record.items.map((item, i) => {
    const itemNode = isSeq(itemNodes) ? (itemNodes.items[i] as Node | undefined) : undefined;
    if (itemKind && typeof item === 'object' && item !== null && !Array.isArray(item)) {
      item = { apiVersion: record.apiVersion, kind: itemKind, ...item };
    }
    return rawObject(item, itemNode, lineAt);
  });
}

/** Walks the YAML nodes along a path; a map key's line is where its field is written. */
function lineOfPath(root: Node | null, path: Path, fallback: number, lineAt: (offset: number) => number): number {
  let node: unknown = root;
  let line = root?.range ? lineAt(root.range[0]) : fallback;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      if (item.range) line = lineAt(item.range[0]);
      node = item;
    } else {
      break;
    }
  }
  return line;
}
