/**
 * Gateway API durations (GEP-2257): one to four `<digits><unit>` parts, units h, m, s, ms, each number
 * up to five digits, e.g. `10s`, `500ms`, `1h30m`. Converted to integer milliseconds for the IR.
 */

const DURATION = /^(?:[0-9]{1,5}(?:h|m|s|ms)){1,4}$/;
const PART = /([0-9]{1,5})(h|ms|m|s)/g;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

/**
 * The spec says a zero duration SHOULD disable a timeout, and an implementation that cannot MUST use
 * the longest value it can. The IR has no "disabled", so zero becomes this: the longest delay a
 * Node.js timer accepts (about 24.8 days).
 */
export const LONGEST_TIMEOUT_MS = 2_147_483_647;

/** Milliseconds, or null when `text` is not a valid Gateway API duration. */
export function parseDuration(text: string): number | null {
  if (!DURATION.test(text)) return null;
  let ms = 0;
  for (const [, digits, unit] of text.matchAll(PART)) ms += Number(digits) * UNIT_MS[unit!]!;
  return ms;
}
