/**
 * RequestHeaderModifier / ResponseHeaderModifier on a flat raw header list ([name, value, ...], the
 * form Node accepts for writeHead and ClientRequest), so no header object is built per request.
 * Within one filter: set, then add, then remove; filters apply in the order the IR lists them.
 */
import type { IrHeaderModifierFilter } from '../../ir/index.ts';

export interface HeaderEdit {
  readonly set: readonly (readonly [lowerName: string, name: string, value: string])[];
  readonly add: readonly (readonly [lowerName: string, name: string, value: string])[];
  readonly remove: ReadonlySet<string>;
}

/** CR, LF or NUL in a value would let it start a new header or end the head: response splitting. */
const UNSAFE_VALUE = /[\r\n\0]/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Defence in depth: the translator already drops rules whose header values carry CR/LF/NUL
 * (UnsupportedValue), so an IR that has one is a bug; the apply fails and the last good
 * configuration keeps serving, rather than the data plane ever writing such a header.
 */
function checkHeaders(f: IrHeaderModifierFilter): void {
  for (const h of [...f.set, ...f.add]) {
    if (!TOKEN.test(h.name) || UNSAFE_VALUE.test(h.value)) throw new Error(`${f.type}: refusing to emit header ${JSON.stringify(h.name)} with value ${JSON.stringify(h.value)} (CR, LF, NUL or a bad name)`);
  }
}

export function compileHeaderModifier(f: IrHeaderModifierFilter): HeaderEdit {
  checkHeaders(f);
  return {
    set: f.set.map((h) => [h.name.toLowerCase(), h.name, h.value] as const),
    add: f.add.map((h) => [h.name.toLowerCase(), h.name, h.value] as const),
    remove: new Set(f.remove.map((n) => n.toLowerCase())),
  };
}

/** Edits `flat` in place. */
export function applyHeaderEdit(flat: string[], edit: HeaderEdit): void {
  for (const [lower, name, value] of edit.set) {
    removeAll(flat, (n) => n === lower);
    flat.push(name, value);
  }
  for (const [lower, name, value] of edit.add) {
    // Spec: add appends to the existing values of the header ("foo" + add "bar" → "foo,bar").
    const i = indexOfHeader(flat, lower);
    if (i === -1) flat.push(name, value);
    else flat[i + 1] = `${flat[i + 1]},${value}`;
  }
  if (edit.remove.size > 0) removeAll(flat, (n) => edit.remove.has(n));
}

export function indexOfHeader(flat: readonly string[], lowerName: string): number {
  for (let i = 0; i < flat.length; i += 2) {
    if (flat[i]!.length === lowerName.length && flat[i]!.toLowerCase() === lowerName) return i;
  }
  return -1;
}

function removeAll(flat: string[], drop: (lowerName: string) => boolean): void {
  let w = 0;
  for (let r = 0; r < flat.length; r += 2) {
    if (drop(flat[r]!.toLowerCase())) continue;
    flat[w++] = flat[r]!;
    flat[w++] = flat[r + 1]!;
  }
  flat.length = w;
}
