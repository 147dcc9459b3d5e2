/**
 * ReferenceGrant checks: may an object of kind `from` in one namespace refer to an object of kind
 * `to` in another? References within one namespace never need a grant.
 */
import type { ReferenceGrant } from '../api/index.ts';

export interface GrantQuery {
  readonly fromGroup: string;
  readonly fromKind: string;
  readonly fromNamespace: string;
  readonly toGroup: string;
  readonly toKind: string;
  readonly toNamespace: string;
  readonly toName: string;
}

export class ReferenceGrants {
  readonly #byNamespace = new Map<string, ReferenceGrant[]>();

  constructor(grants: readonly ReferenceGrant[]) {
    for (const grant of grants) {
      const list = this.#byNamespace.get(grant.metadata.namespace) ?? [];
      list.push(grant);
      this.#byNamespace.set(grant.metadata.namespace, list);
    }
  }

  /** True when the reference stays in its namespace or a grant in the target namespace allows it. */
  allows(q: GrantQuery): boolean {
    if (q.fromNamespace === q.toNamespace) return true;
    const grants = this.#byNamespace.get(q.toNamespace);
    if (!grants) return false;
    return grants.some(
      (g) =>
        g.spec.from.some((f) => f.group === q.fromGroup && f.kind === q.fromKind && f.namespace === q.fromNamespace) &&
        g.spec.to.some((t) => t.group === q.toGroup && t.kind === q.toKind && (t.name === undefined || t.name === '' || t.name === q.toName)),
    );
  }
}
