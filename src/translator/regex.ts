/**
 * User regular expressions (RegularExpression path, header, query and gRPC method matches) are RE2
 * syntax: they are compiled with re2js, a linear-time engine, so a pattern can never backtrack
 * catastrophically. The data plane matches them against the whole value (full match).
 */
import { RE2JS } from 're2js';

/** null when `pattern` is a valid RE2 expression, else why it is not. */
export function regexError(pattern: string): string | null {
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Escapes `text` so it matches itself literally inside an RE2 pattern. */
export function quoteRegex(text: string): string {
  return RE2JS.quote(text);
}
