/**
 * Output formats that match kubectl's, so users read Switchyard the way they read a cluster:
 * `get` tables (printer columns of the Gateway API CRDs), ages, and `describe`'s indented blocks.
 */
import type { Condition, KubeObject } from '../api/index.ts';

/** kubectl's human-readable duration (k8s.io/apimachinery duration.HumanDuration). */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (h < 24 * 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  if (d < 365 * 2) return `${d}d`;
  const y = Math.floor(d / 365);
  if (y < 8) return d % 365 === 0 ? `${y}y` : `${y}y${d % 365}d`;
  return `${y}y`;
}

export function age(object: KubeObject, now: number): string {
  const created = object.metadata.creationTimestamp;
  return created ? humanDuration(now - Date.parse(created)) : '<unknown>';
}

/** Columns padded to the widest cell plus three spaces, as kubectl prints them. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export function conditionStatus(object: KubeObject, type: string): string {
  const conditions = (object.status as { conditions?: Condition[] } | undefined)?.conditions ?? [];
  return conditions.find((c) => c.type === type)?.status ?? '';
}

/** `someFieldName` → `Some Field Name`, as kubectl describe prints unstructured fields. */
export function titleCase(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describeValue(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === 'object') describeFields(item as Record<string, unknown>, indent, out);
      else out.push(`${indent}${String(item)}`);
    }
    return;
  }
  if (value !== null && typeof value === 'object') describeFields(value as Record<string, unknown>, indent, out);
}

function describeFields(object: Record<string, unknown>, indent: string, out: string[]): void {
  const keys = Object.keys(object).sort();
  const width = Math.max(...keys.map((k) => titleCase(k).length + 1));
  for (const key of keys) {
    const value = object[key];
    const label = `${titleCase(key)}:`;
    if (value !== null && typeof value === 'object') {
      if (Array.isArray(value) && value.length === 0) out.push(`${indent}${label.padEnd(width + 2)}<none>`);
      else {
        out.push(`${indent}${label}`);
        describeValue(value, `${indent}  `, out);
      }
    } else {
      out.push(`${indent}${label.padEnd(width + 2)}${String(value)}`);
    }
  }
}

function describeMap(map: Record<string, string> | undefined): string {
  if (!map || Object.keys(map).length === 0) return '<none>';
  return Object.entries(map).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join('\n              ');
}

/** The text of `kubectl describe` for a custom resource. */
export function describe(object: KubeObject): string {
  const out: string[] = [];
  const { metadata } = object;
  out.push(`Name:         ${metadata.name}`);
  if (metadata.namespace !== undefined) out.push(`Namespace:    ${metadata.namespace}`);
  out.push(`Labels:       ${describeMap(metadata.labels)}`);
  out.push(`Annotations:  ${describeMap(metadata.annotations)}`);
  out.push(`API Version:  ${object.apiVersion}`);
  out.push(`Kind:         ${object.kind}`);
  const meta: Record<string, unknown> = {};
  if (metadata.creationTimestamp) meta.creationTimestamp = metadata.creationTimestamp;
  if (metadata.generation !== undefined) meta.generation = metadata.generation;
  if (Object.keys(meta).length > 0) {
    out.push('Metadata:');
    describeFields(meta, '  ', out);
  }
  for (const [key, value] of Object.entries(object)) {
    if (key === 'apiVersion' || key === 'kind' || key === 'metadata' || key === 'status') continue;
    out.push(`${titleCase(key)}:`);
    describeValue(value, '  ', out);
  }
  if (object.status !== undefined) {
    out.push('Status:');
    describeValue(object.status, '  ', out);
  }
  out.push('Events:       <none>');
  return out.join('\n') + '\n';
}
