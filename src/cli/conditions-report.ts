/**
 * The text `switchyard check` prints: every owned resource with its conditions (and its listeners'
 * or parents'), and whether any of them is a problem — not Accepted, not Programmed, unresolved
 * references, conflicts.
 */
import type { Condition } from '../api/index.ts';
import type { ObjectStatus } from '../translator/types.ts';

interface Entry {
  conditions?: Condition[];
}
interface ListenerEntry extends Entry {
  name: string;
  attachedRoutes?: number;
}
interface ParentEntry extends Entry {
  parentRef: { name: string; namespace?: string; sectionName?: string; port?: number; kind?: string };
}
interface AncestorEntry extends Entry {
  ancestorRef: ParentEntry['parentRef'];
}

/** A condition whose status means trouble: a positive-polarity type that is not True, or Conflicted=True. */
export function isProblem(c: Condition): boolean {
  if (c.type === 'Conflicted' || c.type === 'PartiallyInvalid' || c.type === 'OverlappingTLSConfig') return c.status === 'True';
  // Informational: they describe a choice the user made, not a fault.
  if (c.type === 'AttachedListenerSets' || c.type === 'InsecureFrontendValidationMode') return false;
  return c.status !== 'True';
}

function formatConditions(conditions: readonly Condition[] | undefined, indent: string, out: string[]): boolean {
  let problem = false;
  for (const c of conditions ?? []) {
    const bad = isProblem(c);
    problem ||= bad;
    out.push(`${indent}${bad ? '✗' : '✓'} ${c.type}=${c.status} (${c.reason})${c.message ? `: ${c.message}` : ''}`);
  }
  return problem;
}

function refText(ref: ParentEntry['parentRef'], routeNamespace: string | undefined): string {
  const ns = ref.namespace ?? routeNamespace;
  let text = `${ref.kind ?? 'Gateway'} ${ns ? `${ns}/` : ''}${ref.name}`;
  if (ref.sectionName) text += ` section ${ref.sectionName}`;
  if (ref.port) text += ` port ${ref.port}`;
  return text;
}

export interface ConditionsReport {
  readonly text: string;
  readonly problems: number;
}

export function conditionsReport(statuses: readonly ObjectStatus[]): ConditionsReport {
  const out: string[] = [];
  let problems = 0;
  for (const s of statuses) {
    const status = s.status as { conditions?: Condition[]; listeners?: ListenerEntry[]; parents?: ParentEntry[]; ancestors?: AncestorEntry[] };
    const lines: string[] = [];
    let problem = formatConditions(status.conditions, '  ', lines);
    for (const l of status.listeners ?? []) {
      lines.push(`  listener ${l.name} (attachedRoutes: ${l.attachedRoutes ?? 0})`);
      problem = formatConditions(l.conditions, '    ', lines) || problem;
    }
    for (const p of status.parents ?? []) {
      lines.push(`  parent ${refText(p.parentRef, s.namespace)}`);
      problem = formatConditions(p.conditions, '    ', lines) || problem;
    }
    for (const a of status.ancestors ?? []) {
      lines.push(`  ancestor ${refText(a.ancestorRef, s.namespace)}`);
      problem = formatConditions(a.conditions, '    ', lines) || problem;
    }
    if (problem) problems++;
    out.push(`${problem ? '✗' : '✓'} ${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`, ...lines);
  }
  return { text: out.join('\n') + (out.length ? '\n' : ''), problems };
}
