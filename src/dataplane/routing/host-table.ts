/**
 * Compiled hostname lookup: exact names in a Map, wildcards in a Map keyed by their `.suffix`, and one
 * catch-all. A lookup walks the host's dot positions from the left, so the longest (most specific)
 * wildcard suffix is tried first — the same order the IR lists listeners and virtual hosts in.
 * Cost per lookup: one Map hit for exact names, plus one per label for wildcard hosts.
 */
export class HostTable<T> {
  readonly #exact = new Map<string, T>();
  readonly #wildcard = new Map<string, T>();
  #any: T | undefined;

  /** `entries` in precedence order; on duplicate hostnames the first one wins. */
  constructor(entries: Iterable<readonly [hostname: string | null, value: T]>) {
    for (const [hostname, value] of entries) {
      if (hostname === null || hostname === '*') {
        this.#any ??= value;
      } else if (hostname.startsWith('*.')) {
        const suffix = hostname.slice(1);
        if (!this.#wildcard.has(suffix)) this.#wildcard.set(suffix, value);
      } else if (!this.#exact.has(hostname)) {
        this.#exact.set(hostname, value);
      }
    }
  }

  lookup(host: string): T | undefined {
    const exact = this.#exact.get(host);
    if (exact !== undefined) return exact;
    if (this.#wildcard.size > 0) {
      // Start after the first character: a wildcard needs a non-empty label in front of its suffix.
      for (let dot = host.indexOf('.', 1); dot !== -1; dot = host.indexOf('.', dot + 1)) {
        const hit = this.#wildcard.get(host.slice(dot));
        if (hit !== undefined) return hit;
      }
    }
    return this.#any;
  }
}
