/** Runs wrk (keep-alive by default) and parses its report. */
import { runCapture } from './procs.ts';

export interface WrkResult {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Non-2xx/3xx responses plus socket errors. */
  readonly errors: number;
}

export interface WrkOptions {
  readonly url: string;
  readonly seconds: number;
  readonly connections: number;
  readonly headers?: readonly string[];
  readonly cpu: number | null;
}

export async function wrk(o: WrkOptions): Promise<WrkResult> {
  const args = ['-t1', `-c${o.connections}`, `-d${o.seconds}s`, '--latency', ...(o.headers ?? []).flatMap((h) => ['-H', h]), o.url];
  const out = await runCapture('wrk', args, o.cpu);
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? NaN);
  const latency = (pct: string) => {
    const m = new RegExp(`^\\s+${pct}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
    if (m === null) return NaN;
    return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket === null ? 0 : socket.slice(1).reduce((a, b) => a + Number(b), 0);
  const rps = num(/Requests\/sec:\s+([\d.]+)/);
  if (Number.isNaN(rps)) throw new Error(`could not parse wrk output:\n${out}`);
  if (process.env.BENCH_DEBUG) console.error(out);
  return {
    rps,
    p50Ms: latency('50'),
    p99Ms: latency('99'),
    requests: num(/(\d+) requests in/),
    errors: (num(/Non-2xx or 3xx responses: (\d+)/) || 0) + socketErrors,
  };
}
