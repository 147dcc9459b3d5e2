/**
 * Weighted choice among a route's backends, once per request. Cumulative weights are computed at
 * compile time; a pick is one random number and a short scan. Weight-0 backends are never chosen.
 */
export class WeightedPicker<T> {
  readonly #items: readonly T[];
  readonly #cumulative: readonly number[];
  readonly #total: number;

  constructor(entries: readonly (readonly [weight: number, item: T])[]) {
    const items: T[] = [];
    const cumulative: number[] = [];
    let total = 0;
    for (const [weight, item] of entries) {
      if (!(weight > 0)) continue;
      total += weight;
      items.push(item);
      cumulative.push(total);
    }
    this.#items = items;
    this.#cumulative = cumulative;
    this.#total = total;
  }

  /** Undefined when no entry has a positive weight (the route then answers 500). */
  pick(random: number = Math.random()): T | undefined {
    const n = this.#items.length;
    if (n <= 1) return this.#items[0];
    const r = random * this.#total;
    for (let i = 0; i < n; i++) if (r < this.#cumulative[i]!) return this.#items[i];
    return this.#items[n - 1];
  }
}
