/** Runs h2load (nghttp2-client) for the HTTP/2 scenario and reads its report and per-request log. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { percentile, runCapture } from './procs.ts';
import type { WrkResult } from './wrk.ts';

export const H2LOAD_INSTALL_HINT = 'apt-get install -y nghttp2-client';

export interface H2loadOptions {
  readonly url: string;
  readonly seconds: number;
  readonly connections: number;
  /** Concurrent streams per connection. */
  readonly streams: number;
  readonly cpu: number | null;
}

export async function h2load(o: H2loadOptions): Promise<WrkResult> {
  const dir = mkdtempSync(join(os.tmpdir(), 'h2load-'));
  const log = join(dir, 'requests.tsv');
  try {
    const out = await runCapture('h2load', ['-t1', `-c${o.connections}`, `-m${o.streams}`, `-D${o.seconds}`, `--log-file=${log}`, o.url], o.cpu);
    const rps = Number(/finished in [\d.]+\w*, ([\d.]+) req\/s/.exec(out)?.[1] ?? NaN);
    if (Number.isNaN(rps)) throw new Error(`could not parse h2load output:\n${out}`);
    const done = /requests: (\d+) total, \d+ started, (\d+) done, (\d+) succeeded, (\d+) failed, (\d+) errored, (\d+) timeout/.exec(out);
    const codes = /status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx/.exec(out);
    // Log lines: start (µs since epoch) TAB status TAB duration (µs).
    const durations = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => Number(l.split('\t')[2]) / 1000);
    if (process.env.BENCH_DEBUG) console.error(out);
    return {
      rps,
      p50Ms: percentile(durations, 50),
      p99Ms: percentile(durations, 99),
      requests: Number(done?.[2] ?? 0),
      errors: Number(done?.[4] ?? 0) + Number(done?.[5] ?? 0) + Number(done?.[6] ?? 0) + Number(codes?.[3] ?? 0) + Number(codes?.[4] ?? 0),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
