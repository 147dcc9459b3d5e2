/**
 * The suite's mirror checks, against the echo backends' request logs (harness/echo.ts `received`,
 * the stand-in for the pod log lines it greps): ExpectMirroredRequest — each mirror backend receives
 * the request's exact target within a few seconds — and the percentage test's distribution — of
 * 500 requests (10 at a time), each mirror receives its share within 3 binomial standard deviations,
 * up to 3 tries (upstream: 5).
 */
import { sleep } from '../../helpers/wait.ts';
import type { Exchange } from './scenario.ts';

const MIRROR_WAIT_MS = 5_000;
const TOTAL = 500;
const CONCURRENCY = 10;
const STD_DEVS = 3;
const TRIES = 3;

type Received = ReadonlyMap<string, readonly string[]>;

export async function expectMirrored(exchange: Exchange, path: string, received: Received, send: () => Promise<string | null>): Promise<void> {
  const mirrors = exchange.mirroredTo ?? [];
  const plain = mirrors.filter((m) => m.percent === undefined);
  for (const m of plain) {
    const log = logOf(received, m.backend);
    const deadline = Date.now() + MIRROR_WAIT_MS;
    while (!log.includes(path)) {
      if (Date.now() > deadline) throw new Error(`${path}: no mirrored request reached ${m.backend} (it saw ${log.length} requests)`);
      await sleep(50);
    }
  }
  const shared = mirrors.filter((m) => m.percent !== undefined);
  if (shared.length === 0) return;
  let last = '';
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const before = shared.map((m) => count(logOf(received, m.backend), path));
    let sent = 0;
    const worker = async () => {
      while (sent < TOTAL) {
        sent++;
        const problem = await send();
        if (problem !== null) throw new Error(`${path}: ${problem}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await sleep(200); // mirrors are fire-and-forget: let the last copies land
    const off = shared.map((m, i) => {
      const p = m.percent! / 100;
      const got = count(logOf(received, m.backend), path) - before[i]!;
      const margin = STD_DEVS * Math.sqrt(TOTAL * p * (1 - p));
      return Math.abs(got - TOTAL * p) > margin ? `${m.backend}: ${got}/${TOTAL}, want ${TOTAL * p} ± ${margin.toFixed(1)}` : '';
    }).filter(Boolean);
    if (off.length === 0) return;
    last = off.join('; ');
  }
  throw new Error(`${path}: mirrored share off after ${TRIES} tries: ${last}`);
}

function logOf(received: Received, backend: string): readonly string[] {
  const log = received.get(backend);
  if (log === undefined) throw new Error(`the harness has no echo backend ${backend}`);
  return log;
}

function count(log: readonly string[], path: string): number {
  let n = 0;
  for (const p of log) if (p === path) n++;
  return n;
}
