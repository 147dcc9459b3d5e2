/** Bounded waiting for tests: every wait has a deadline and fails with a message, never hangs. */
import type { Readable } from 'node:stream';

export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 5_000, intervalMs = 20): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Resolves with the first line of `stream` that `match` accepts (e.g. a child's "listening" log line). */
export function waitForLine(stream: Readable, match: (line: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got: ${buffered.slice(-500)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      for (const line of lines.slice(0, -1)) if (match(line)) return done(null, line);
    };
    const done = (err: Error | null, line?: string) => {
      clearTimeout(timer);
      stream.off('data', onData);
      if (err) reject(err);
      else resolve(line!);
    };
    stream.on('data', onData);
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
